package io.faxgate.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The EAR exactly as `mvn package` built it: tests run against what ships. Read once per test run: every class
 * names the same archive, which {@link io.faxgate.it.arquillian.OnceDeployedPayara} deploys only once.
 */
public final class Deployments {

    private static EnterpriseArchive faxgateEar;

    private Deployments() {
    }

    public static synchronized EnterpriseArchive faxgateEar() {
        if (faxgateEar == null) {
            faxgateEar = readFaxgateEar();
        }
        return faxgateEar;
    }

    private static EnterpriseArchive readFaxgateEar() {
        File ear = new File(System.getProperty("faxgate.it.ear", "../../ear/target/faxgate.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("EAR not built: " + ear.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
