package dev.cognitoee.it.quickstart;

/**
 * One fenced code block of the README, marked as a file of the quickstart WAR.
 *
 * @param path      the file it is, as the marker names it (e.g. {@code src/main/java/com/example/SecurityConfig.java})
 * @param text      the block's content, as printed (the list item's indentation removed)
 * @param firstLine the README line of the content's first line, so that errors can point at the README
 */
public record Snippet(String path, String text, int firstLine) {

    /** The README line of the snippet's {@code line} (counted from 1). */
    public int readmeLine(long line) {
        return firstLine + (int) line - 1;
    }
}
