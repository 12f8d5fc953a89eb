package org.dudao.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay between a browser and the application, which a test can cut: {@link #down()} closes every
 * open connection and closes each new one at once (the browser sees a network error, in the page and in
 * its service worker alike), {@link #up()} relays again. Browser network emulation alone may leave a
 * service worker's own requests through; this does not.
 */
public final class NetworkRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "network-relay");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicLong bytesToServer = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean up = true;

    public NetworkRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0);
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The network goes down: open connections are cut, new ones closed at once. */
    public void down() {
        up = false;
        open.forEach(NetworkRelay::close);
        open.clear();
    }

    public void up() {
        up = true;
    }

    /** Bytes relayed from the browser to the application so far (requests that got through). */
    public long bytesToServer() {
        return bytesToServer.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (!up) {
                close(client);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                threads.execute(() -> pump(client, upstream, true));
                threads.execute(() -> pump(upstream, client, false));
            } catch (IOException e) {
                close(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean toServer) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
                if (toServer) {
                    bytesToServer.addAndGet(n);
                }
            }
        } catch (IOException e) {
            // cut or closed by the other side
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        down();
        threads.shutdownNow();
    }
}
