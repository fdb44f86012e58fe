package dev.cognitoee.token;

import java.nio.charset.StandardCharsets;

/**
 * A compact JWS split into its three segments, after checking that it is nothing else: three base64url segments
 * separated by two dots, ASCII only. Parsing nothing, decoding nothing.
 */
record CompactJws(String header, String payload, String signature, byte[] signingInput) {

    static CompactJws split(String token) throws TokenRejectedException {
        int firstDot = -1;
        int secondDot = -1;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (firstDot < 0) {
                    firstDot = i;
                } else if (secondDot < 0) {
                    secondDot = i;
                } else {
                    throw new TokenRejectedException(TokenRejection.MALFORMED);
                }
            } else if (!isBase64Url(c)) {
                throw new TokenRejectedException(TokenRejection.MALFORMED);
            }
        }
        if (firstDot <= 0 || secondDot <= firstDot + 1 || secondDot == token.length() - 1) {
            throw new TokenRejectedException(TokenRejection.MALFORMED);
        }
        return new CompactJws(token.substring(0, firstDot), token.substring(firstDot + 1, secondDot),
                token.substring(secondDot + 1), token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
