package dev.cognitoee.it;

import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.SharedPayara;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara Micro with {@code --nohazelcast} (the shared server of the run): no JCache to be had, and the module works
 * per node exactly as before, saying so once at startup.
 */
@ExtendWith(SharedPayara.class)
class PerNodeStateIT extends StateScenarios {

    @BeforeAll
    static void deploy(Deployer server) {
        deploy(server::deploy);
    }

    @Override
    String expectedStartupLine() {
        return "credentials cache and revocation list per node: the server's JCache is turned off";
    }

    @Override
    boolean clustered() {
        return false;
    }
}
