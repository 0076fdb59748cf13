package io.faxgate.it.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraManagedDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara's managed container, but an archive already deployed stays deployed for the next test class.
 *
 * <p>Every integration test class deploys the same EAR (the one {@code mvn package} built). Redeploying it for each
 * of ~30 classes cost ~5 s of deployment plus the undeployment each time — minutes of the suite's 20-minute budget —
 * and proved nothing the first deployment had not: the classes share one PostgreSQL anyway and each works in tenants
 * of its own. The archive is undeployed when the container stops, so the test domain starts the next run empty.
 * A class that deploys a different archive (another name) replaces the one deployed.
 */
public class OnceDeployedPayara extends PayaraManagedDeployableContainer {

    private Archive<?> deployed;
    private ProtocolMetaData deployedMetaData;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (deployed != null && deployed.getName().equals(archive.getName())) {
            return deployedMetaData;
        }
        undeployCurrent();
        ProtocolMetaData metaData = super.deploy(archive);
        deployed = archive;
        deployedMetaData = metaData;
        return metaData;
    }

    /** Kept deployed for the next class; {@link #stop()} undeploys. */
    @Override
    public void undeploy(Archive<?> archive) {
        // deliberately nothing: see the class comment
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            undeployCurrent();
        } catch (DeploymentException e) {
            throw new LifecycleException("could not undeploy " + deployed.getName() + " before stopping", e);
        } finally {
            super.stop();
        }
    }

    private void undeployCurrent() throws DeploymentException {
        if (deployed != null) {
            Archive<?> current = deployed;
            deployed = null;
            deployedMetaData = null;
            super.undeploy(current);
        }
    }
}
