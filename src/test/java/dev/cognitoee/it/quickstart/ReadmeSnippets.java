package dev.cognitoee.it.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the marked code blocks of a Markdown file: a line {@code <!-- quickstart: PATH -->} followed by a fenced
 * block makes that block the file PATH. The README stays the one source of the quickstart: the test builds its
 * WAR from these blocks, never from copies.
 */
public final class ReadmeSnippets {

    private static final Pattern MARKER = Pattern.compile("^\\s*<!-- quickstart: (.+?) -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^( *)```\\w*\\s*$");

    private ReadmeSnippets() {
    }

    /** The marked blocks of {@code markdown}, by path, in the order they appear. */
    public static Map<String, Snippet> read(Path markdown) {
        try {
            return parse(markdown.getFileName().toString(), Files.readAllLines(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The marked blocks of {@code lines}; {@code source} names the file in error messages. A marker not followed by
     * a fenced block, a block that is never closed, a line that leaves the block's indentation, or a path marked
     * twice is an error: a broken marker must fail the test, not shrink the WAR.
     */
    public static Map<String, Snippet> parse(String source, List<String> lines) {
        Map<String, Snippet> snippets = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            String path = marker.group(1);
            int markerLine = i + 1;
            Matcher open = i + 1 < lines.size() ? FENCE.matcher(lines.get(i + 1)) : null;
            if (open == null || !open.matches()) {
                throw new IllegalStateException(source + ":" + markerLine + ": the marker of " + path
                        + " is not followed by a fenced code block on the next line");
            }
            String indent = open.group(1);
            List<String> content = new ArrayList<>();
            int line = i + 2;
            while (true) {
                if (line >= lines.size()) {
                    throw new IllegalStateException(source + ":" + (i + 2) + ": the code block of " + path
                            + " is never closed");
                }
                String text = lines.get(line);
                if (text.equals(indent + "```")) {
                    break;
                }
                if (!text.isBlank() && !text.startsWith(indent)) {
                    throw new IllegalStateException(source + ":" + (line + 1) + ": a line of " + path
                            + " is indented less than its code block's fence");
                }
                content.add(text.isBlank() ? "" : text.substring(indent.length()));
                line++;
            }
            if (snippets.containsKey(path)) {
                throw new IllegalStateException(source + ":" + markerLine + ": " + path + " is marked twice");
            }
            snippets.put(path, new Snippet(path, String.join("\n", content) + "\n", i + 3));
            i = line;
        }
        return snippets;
    }
}
