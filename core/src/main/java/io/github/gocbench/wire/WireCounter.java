package io.github.gocbench.wire;

/**
 * What one worker's connections sent the server, counted on the socket: round trips (the client
 * wrote, then waited to read) and statements (PostgreSQL {@code Execute} and simple
 * {@code Query} messages; MySQL {@code COM_QUERY} and {@code COM_STMT_EXECUTE} commands), read
 * from the protocol the driver wrote, so nothing is guessed from the strategy's code.
 *
 * <p>Single-writer: the socket I/O of a JDBC call happens on the thread that makes the call, and
 * a worker's connections are used by its own thread only, so the fields are plain and read by
 * that same thread. When the protocol cannot be read (TLS), statements are unknown
 * ({@link #statementsReadable()} false); round trips still count.
 */
public final class WireCounter {

    /** Which protocol the statements are read from. */
    public enum Protocol { POSTGRES, MYSQL }

    private final Protocol protocol;
    long roundTrips;
    long statements;
    private boolean wrote;
    private boolean unreadable;
    private String unreadableBecause;

    // protocol framing of the bytes written (one connection at a time per counter)
    private boolean typed;          // PostgreSQL: past the startup messages
    private final byte[] header = new byte[8];
    private int headerLength;
    private long payloadLeft;       // payload bytes of the current message still to skip
    private boolean firstPacket;    // MySQL: the handshake response (or SSL request) is next

    public WireCounter(Protocol protocol) {
        this.protocol = protocol;
        newConnection();
    }

    /** A new connection starts counting into this counter: its protocol starts from the beginning. */
    void newConnection() {
        typed = false;
        headerLength = 0;
        payloadLeft = 0;
        firstPacket = true;
        wrote = false;
    }

    /** Round trips so far. */
    public long roundTrips() {
        return roundTrips;
    }

    /** Statements so far (meaningless when {@link #statementsReadable()} is false). */
    public long statements() {
        return statements;
    }

    /** False when the protocol could not be read (TLS, or bytes the parser did not expect). */
    public boolean statementsReadable() {
        return !unreadable;
    }

    /** Why statements could not be counted, or {@code null}. */
    public String unreadableBecause() {
        return unreadableBecause;
    }

    void onRead() {
        if (wrote) {
            wrote = false;
            roundTrips++;
        }
    }

    void onWrite(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        wrote = true;
        if (unreadable) {
            return;
        }
        try {
            parse(b, off, len);
        } catch (RuntimeException e) {
            giveUp("the protocol could not be followed: " + e); // never the driver's problem
        }
    }

    private void parse(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (payloadLeft > 0) {
                long skip = Math.min(payloadLeft, end - i);
                payloadLeft -= skip;
                i += (int) skip;
                continue;
            }
            header[headerLength++] = b[i++];
            if (headerLength == headerSize()) {
                onHeader();
                headerLength = 0;
                if (unreadable) {
                    return;
                }
            }
        }
    }

    void onWrite(int b) {
        onWrite(new byte[] {(byte) b}, 0, 1);
    }

    private int headerSize() {
        if (protocol == Protocol.POSTGRES) {
            return typed ? 5 : 8; // type + int32 length; untyped: int32 length + int32 code
        }
        return 5; // 3-byte length, sequence id, first payload byte
    }

    private void onHeader() {
        if (protocol == Protocol.POSTGRES) {
            postgresHeader();
        } else {
            mysqlHeader();
        }
    }

    private void postgresHeader() {
        if (!typed) {
            if (header[0] == 0x16 && header[1] == 0x03) {
                giveUp("the connection is encrypted (TLS): statements cannot be read from the protocol");
                return;
            }
            int length = int32(0);
            int code = int32(4);
            payloadLeft = length - 8L;
            // SSLRequest and GSSENCRequest are followed by another untyped message
            typed = code != 80877103 && code != 80877104;
            if (payloadLeft < 0) {
                giveUp("unexpected PostgreSQL startup bytes");
            }
            return;
        }
        byte type = header[0];
        int length = int32(1);
        if (length < 4) {
            giveUp("unexpected PostgreSQL message framing");
            return;
        }
        payloadLeft = length - 4L;
        if (type == 'E' || type == 'Q') {
            statements++;
        }
    }

    private void mysqlHeader() {
        long length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        int seq = header[3] & 0xff;
        int command = header[4] & 0xff;
        if (length == 0) {
            giveUp("an empty MySQL packet (a payload of a multiple of 16 MiB): framing not followed");
            return;
        }
        payloadLeft = length - 1;
        if (firstPacket) {
            firstPacket = false;
            // the client's first packet is 32 bytes only when it is the SSL request (a handshake
            // response carries at least the user name's terminator after its 32 fixed bytes)
            if (seq == 1 && length == 32) {
                giveUp("the connection is encrypted (TLS): statements cannot be read from the protocol");
            }
            return;
        }
        if (seq == 0 && (command == 0x03 || command == 0x17)) {
            statements++;
        }
    }

    private int int32(int at) {
        return (header[at] & 0xff) << 24 | (header[at + 1] & 0xff) << 16 | (header[at + 2] & 0xff) << 8
                | (header[at + 3] & 0xff);
    }

    private void giveUp(String why) {
        unreadable = true;
        unreadableBecause = why;
    }
}
