package dev.cognitoee.it;

import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.PayaraMicroProcess;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Payara Micro with {@code --nohazelcast}: no JCache to be had, and the module works per node exactly as before,
 * saying so once at startup.
 */
class PerNodeStateIT extends StateScenarios {

    @BeforeAll
    static void boot() {
        boot("per-node-state-it", wars -> PayaraMicroProcess.boot("per-node-state-it", wars, FreePort.next(),
                Map.of()));
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
