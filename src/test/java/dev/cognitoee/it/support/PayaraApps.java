package dev.cognitoee.it.support;

import java.net.URL;
import java.nio.file.Path;

/**
 * Applications running on one Payara Micro, as a test reaches them: a server of the test's own
 * ({@link PayaraMicroProcess}) or the test class's deployment on the run's shared server ({@link Deployment}).
 */
public interface PayaraApps {

    /** The base URL of the application deployed from {@code warName}.war. */
    URL url(String warName);

    /** What the server printed while these applications were there (a server of one's own: everything). */
    String output();

    /** The file the server prints to, for messages that point the reader at it. */
    Path log();
}
