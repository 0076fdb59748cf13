package io.faxgate.syncagent.model;

/**
 * A user as Faxgate should see it: the values the agent sends over SCIM. Two equal profiles mean "nothing to update".
 *
 * @param userName       the AD userPrincipalName (SCIM userName)
 * @param email          the AD mail attribute; may be null
 * @param active         false when the AD account is disabled (or no longer in AD)
 * @param samAccountName pre-Windows-2000 logon name, sent in the Faxgate AD extension
 * @param objectSid      the account's SID in S-1-5-... form, sent in the Faxgate AD extension
 */
public record UserProfile(
        String userName,
        String displayName,
        String givenName,
        String familyName,
        String email,
        boolean active,
        String samAccountName,
        String objectSid) {

    public UserProfile withActive(boolean value) {
        return new UserProfile(userName, displayName, givenName, familyName, email, value, samAccountName, objectSid);
    }

    /** Names of the attributes that differ, in SCIM terms, for logs and the dry-run plan. */
    public java.util.List<String> differencesFrom(UserProfile other) {
        java.util.List<String> d = new java.util.ArrayList<>();
        if (other == null) {
            return java.util.List.of("all");
        }
        if (!java.util.Objects.equals(userName, other.userName)) d.add("userName");
        if (!java.util.Objects.equals(displayName, other.displayName)) d.add("displayName");
        if (!java.util.Objects.equals(givenName, other.givenName)) d.add("name.givenName");
        if (!java.util.Objects.equals(familyName, other.familyName)) d.add("name.familyName");
        if (!java.util.Objects.equals(email, other.email)) d.add("emails");
        if (active != other.active) d.add("active");
        if (!java.util.Objects.equals(samAccountName, other.samAccountName)) d.add("sAMAccountName");
        if (!java.util.Objects.equals(objectSid, other.objectSid)) d.add("objectSid");
        return d;
    }
}
