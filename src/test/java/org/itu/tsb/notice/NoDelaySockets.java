package org.itu.tsb.notice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets that send each write at once, without waiting for the acknowledgement of the previous one. JavaMail
 * leaves Nagle's algorithm on, and against GreenMail on loopback the end of every message then waits for a delayed
 * acknowledgement: the tests' mail servers use these (by {@code mail.smtp.socketFactory.class}, which calls
 * {@link #getDefault()}), the application's configuration does not; the dispatch benchmark measures both.
 */
public final class NoDelaySockets extends SocketFactory {

    public static SocketFactory getDefault() {
        return new NoDelaySockets();
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }
}
