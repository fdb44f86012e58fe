package dev.cognitoee.demo;

import java.util.regex.Pattern;

/** File names the demo accepts as S3 object names in the user's folder: no paths, nothing odd. */
final class FileNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,99}");

    private FileNames() {
    }

    /** The last path segment of {@code submitted} when it is a plain file name, else null. */
    static String safe(String submitted) {
        if (submitted == null) {
            return null;
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
        return SAFE.matcher(name).matches() ? name : null;
    }
}
