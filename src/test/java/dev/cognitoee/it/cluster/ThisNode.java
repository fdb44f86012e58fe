package dev.cognitoee.it.cluster;

/** Which node of the test cluster this is: the system property {@code PayaraCluster} gives each node. */
final class ThisNode {

    private ThisNode() {
    }

    static String name() {
        return System.getProperty("cognitoee.node", "?"); // PayaraCluster.NODE_PROPERTY
    }
}
