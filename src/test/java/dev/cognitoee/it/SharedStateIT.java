package dev.cognitoee.it;

import dev.cognitoee.it.support.PayaraMicroProcess;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Payara Micro WITH its Hazelcast data grid (one member): the module finds Payara's JCache, says so at startup, and
 * its refresh single-flight, credentials cache and revocation list go through it. The three-node assertions (one
 * refresh and one fetch over three nodes, a sign-out seen by all) belong to the cluster test bed.
 */
class SharedStateIT extends StateScenarios {

    @BeforeAll
    static void boot() {
        boot("shared-state-it", wars -> PayaraMicroProcess.bootWithHazelcast("shared-state-it", wars, Map.of()));
    }

    @Override
    String expectedStartupLine() {
        return "credentials cache and revocation list cluster-wide, in the server's JCache";
    }

    @Override
    boolean clustered() {
        return true;
    }
}
