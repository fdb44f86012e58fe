package dev.cognitoee.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: header lines are written byte for
 * byte as given (CR and LF inside a value, two headers of one name, non-ASCII bytes, huge values), which the JDK
 * client refuses to do. One connection per request ({@code Connection: close}); the answer is read to its end.
 */
public final class RawHttp {

    /** The longest any request may take before the test counts it as a hang. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private RawHttp() {
    }

    /**
     * What came back.
     *
     * @param status the status code, 0 when the server closed the connection without an answer
     * @param text   the whole answer (status line, headers, body) as ISO-8859-1, empty when there was none
     * @param millis how long the exchange took, from connect to the end of the answer
     */
    public record Response(int status, String text, long millis) {

        public boolean serverError() {
            return status >= 500;
        }

        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** GET {@code path} (relative to {@code base}, may carry a query) with the given header lines, written raw. */
    public static Response get(URL base, String path, List<String> headerLines) {
        return send(base, "GET", path, headerLines, new byte[0]);
    }

    /** POST {@code body} as {@code contentType} to {@code path}, with {@code Content-Length} and nothing else. */
    public static Response post(URL base, String path, String contentType, byte[] body) {
        return send(base, "POST", path, List.of("Content-Type: " + contentType, "Content-Length: " + body.length),
                body);
    }

    private static Response send(URL base, String method, String path, List<String> headerLines, byte[] body) {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(base.getPath()).append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        long start = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (a header too large): read on.
            }
            String text = readAll(socket.getInputStream());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            return new Response(status(text), text, millis);
        } catch (SocketTimeoutException e) {
            throw new AssertionError(method + " " + path + " got no answer within " + READ_TIMEOUT, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException) {
                throw e;
            }
            // reset by the server after its answer: keep what was read
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static int status(String text) {
        // "HTTP/1.1 401 Unauthorized"
        if (!text.startsWith("HTTP/") || text.indexOf(' ') < 0 || text.length() < text.indexOf(' ') + 4) {
            return 0;
        }
        int at = text.indexOf(' ') + 1;
        return Integer.parseInt(text.substring(at, at + 3));
    }
}
