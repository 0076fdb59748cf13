package io.faxgate.sso.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.boundary.InvalidInputException;
import org.junit.jupiter.api.Test;

class EmailDomainNameTest {

    @Test
    void domainsAreStoredLowerCaseWithoutTheRootDot() {
        assertThat(EmailDomainName.parse("domain", " Contoso.COM. ")).isEqualTo("contoso.com");
        assertThat(EmailDomainName.parse("domain", "xn--mnchen-3ya.de")).isEqualTo("xn--mnchen-3ya.de");
    }

    @Test
    void anythingButADomainIsRefusedNamingTheField() {
        for (String bad : new String[] {null, "", "com", "https://contoso.com", "a@contoso.com", "-x.com", "x-.com",
                "contoso..com", "con toso.com", "contoso.com/x", "*.contoso.com", "a".repeat(64) + ".com"}) {
            assertThatThrownBy(() -> EmailDomainName.parse("domain", bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("domain"));
        }
    }

    @Test
    void theDomainOfAnAddressIsWhatFollowsTheLastAt() {
        assertThat(EmailDomainName.ofAddress(" Alice@Contoso.com ")).contains("contoso.com");
        assertThat(EmailDomainName.ofAddress("\"a@b\"@contoso.com")).contains("contoso.com");
        assertThat(EmailDomainName.ofAddress("alice")).isEmpty();
        assertThat(EmailDomainName.ofAddress("@contoso.com")).isEmpty();
        assertThat(EmailDomainName.ofAddress("alice@")).isEmpty();
        assertThat(EmailDomainName.ofAddress(null)).isEmpty();
        assertThat(EmailDomainName.ofAddress("a@" + "b".repeat(400) + ".com")).isEmpty();
    }
}
