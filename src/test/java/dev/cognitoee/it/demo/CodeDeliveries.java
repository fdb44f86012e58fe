package dev.cognitoee.it.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Echoes the codes the emulator "sends" (sign-up, password reset) from its log to the demo's console: where a real
 * pool would email them.
 */
final class CodeDeliveries implements Runnable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern FIELD = Pattern.compile("(Username|Destination|Code):\\s+(\\S+)");

    private final Path log;
    private final PrintStream out;

    private CodeDeliveries(Path log, PrintStream out) {
        this.log = log;
        this.out = out;
    }

    /** Follows {@code log} on a daemon thread. */
    static void echo(Path log, PrintStream out) {
        Thread thread = new Thread(new CodeDeliveries(log, out), "code-deliveries");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String username = null;
            String destination = null;
            while (!Thread.currentThread().isInterrupted()) {
                String line = reader.readLine();
                if (line == null) {
                    Thread.sleep(300);
                    continue;
                }
                Matcher field = FIELD.matcher(ANSI.matcher(line).replaceAll(""));
                if (!field.find()) {
                    continue;
                }
                switch (field.group(1)) {
                    case "Username" -> username = field.group(2);
                    case "Destination" -> destination = field.group(2);
                    default -> out.printf("%n>>> Code for %s (sent to %s): %s%n%n", username, destination,
                            field.group(2));
                }
            }
        } catch (IOException e) {
            out.println("Codes can no longer be shown (" + e.getMessage() + "); they are in " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
