package io.github.gocbench.wire;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** A plain socket whose streams report to a {@link WireCounter}. */
final class CountingSocket extends Socket {

    private final WireCounter counter;
    private InputStream in;
    private OutputStream out;

    CountingSocket(WireCounter counter) {
        this.counter = counter;
        counter.newConnection();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new In(super.getInputStream(), counter);
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new Out(super.getOutputStream(), counter);
        }
        return out;
    }

    private static final class In extends FilterInputStream {
        private final WireCounter counter;

        In(InputStream in, WireCounter counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            counter.onRead();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            counter.onRead();
            return in.read(b, off, len);
        }
    }

    private static final class Out extends FilterOutputStream {
        private final WireCounter counter;

        Out(OutputStream out, WireCounter counter) {
            super(out);
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            counter.onWrite(new byte[] {(byte) b}, 0, 1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            counter.onWrite(b, off, len);
            out.write(b, off, len);
        }
    }
}
