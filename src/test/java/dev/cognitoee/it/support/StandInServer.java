package dev.cognitoee.it.support;

import com.sun.net.httpserver.HttpHandler;
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
 * {@link #start}, both stopped by {@link #close}.
 */
final class StandInServer implements AutoCloseable {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    private StandInServer(HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    /** A server on a free loopback port, started, that hands every request to {@code handler}. */
    static StandInServer start(HttpHandler handler) {
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
}
