package io.faxgate.it.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraManagedDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Puts {@link OnceDeployedPayara} in the place of Payara's managed container for every integration test. */
public class OnceDeployedPayaraExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, PayaraManagedDeployableContainer.class, OnceDeployedPayara.class);
    }
}
