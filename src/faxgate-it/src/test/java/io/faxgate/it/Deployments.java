package io.faxgate.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as `mvn package` built it: tests run against what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive faxgateEar() {
        File ear = new File(System.getProperty("faxgate.it.ear", "../../ear/target/faxgate.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("EAR not built: " + ear.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
