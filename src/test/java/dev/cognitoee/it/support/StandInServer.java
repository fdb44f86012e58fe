package dev.cognitoee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback HTTP server a Cognito stand-in listens on, with the threads that serve it: started by
 * {@link #start}, both stopped by {@link #close}. It reads each call ({@link CognitoWire#read}), hands it to the
 * stand-in, and answers a {@link CognitoRefusal} the stand-in throws as Cognito does (HTTP 400).
 */
final class StandInServer implements AutoCloseable {

    /** What a stand-in does with one call: answer it on {@code exchange}, or refuse it. */
    @FunctionalInterface
    interface CallHandler {
        void handle(HttpExchange exchange, CognitoWire.Call call)
                throws IOException, InterruptedException, CognitoRefusal;
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    private StandInServer(CallHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> serve(handler, exchange));
        server.setExecutor(executor);
        server.start();
    }

    /** A server on a free loopback port, started, that hands every call to {@code handler}. */
    static StandInServer start(CallHandler handler) {
        return new StandInServer(handler);
    }

    /** The endpoint of the server, to give the module as {@code cognito.endpoint}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops the server at once and interrupts the calls it is still serving. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(CallHandler handler, HttpExchange exchange) throws IOException {
        try (exchange) {
            CognitoWire.Call call = CognitoWire.read(exchange);
            try {
                handler.handle(exchange, call);
            } catch (CognitoRefusal e) {
                CognitoWire.send(exchange, 400, e.body());
            }
        } catch (InterruptedException e) { // closing: the call ends unanswered
            Thread.currentThread().interrupt();
        }
    }
}
