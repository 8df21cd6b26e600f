package io.github.gocbench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The protocol framing behind the statement count, byte by byte and in odd chunks. */
class WireCounterTest {

    private static byte[] pgTyped(char type, int payload) {
        return ByteBuffer.allocate(5 + payload).put((byte) type).putInt(4 + payload).array();
    }

    private static byte[] pgUntyped(int code, int payload) {
        return ByteBuffer.allocate(8 + payload).putInt(8 + payload).putInt(code).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void postgresCountsExecuteAndQueryMessagesWhateverTheChunks() {
        byte[] bytes = concat(pgUntyped(80877103, 0), pgUntyped(196608, 20), pgTyped('p', 10),
                pgTyped('P', 30), pgTyped('B', 12), pgTyped('E', 5), pgTyped('S', 0), pgTyped('Q', 9),
                pgTyped('B', 12), pgTyped('E', 5), pgTyped('S', 0));
        for (int chunk : new int[] {1, 3, 7, bytes.length}) {
            WireCounter w = new WireCounter(WireCounter.Protocol.POSTGRES);
            for (int i = 0; i < bytes.length; i += chunk) {
                w.onWrite(bytes, i, Math.min(chunk, bytes.length - i));
            }
            assertThat(w.statementsReadable()).isTrue();
            assertThat(w.statements()).as("chunk %d", chunk).isEqualTo(3);
        }
    }

    @Test
    void postgresUnderTlsSaysStatementsAreUnreadable() {
        WireCounter w = new WireCounter(WireCounter.Protocol.POSTGRES);
        byte[] bytes = concat(pgUntyped(80877103, 0), new byte[] {0x16, 0x03, 0x01, 0x02, 0, 1, 0, 0, 9});
        w.onWrite(bytes, 0, bytes.length);
        assertThat(w.statementsReadable()).isFalse();
        assertThat(w.unreadableBecause()).contains("TLS");
    }

    private static byte[] mysqlPacket(int seq, int command, int payload) {
        byte[] p = new byte[4 + payload];
        p[0] = (byte) payload;
        p[1] = (byte) (payload >> 8);
        p[3] = (byte) seq;
        p[4] = (byte) command;
        return p;
    }

    @Test
    void mysqlCountsQueryAndExecuteCommandsOnly() {
        byte[] bytes = concat(mysqlPacket(1, 0x0f, 60), mysqlPacket(3, 0, 21), mysqlPacket(0, 0x03, 30),
                mysqlPacket(0, 0x16, 40), mysqlPacket(0, 0x17, 18), mysqlPacket(0, 0x19, 5), mysqlPacket(0, 0x17, 18));
        WireCounter w = new WireCounter(WireCounter.Protocol.MYSQL);
        for (int i = 0; i < bytes.length; i += 2) {
            w.onWrite(bytes, i, Math.min(2, bytes.length - i));
        }
        assertThat(w.statements()).isEqualTo(3);
    }

    @Test
    void mysqlSslRequestMakesStatementsUnreadable() {
        WireCounter w = new WireCounter(WireCounter.Protocol.MYSQL);
        byte[] ssl = mysqlPacket(1, 0x0f, 32);
        w.onWrite(ssl, 0, ssl.length);
        assertThat(w.statementsReadable()).isFalse();
    }

    @Test
    void aRoundTripIsAWriteFollowedByARead() {
        WireCounter w = new WireCounter(WireCounter.Protocol.POSTGRES);
        byte[] b = pgUntyped(196608, 0);
        w.onWrite(b, 0, b.length);
        w.onRead();
        w.onRead();
        byte[] q = pgTyped('Q', 3);
        w.onWrite(q, 0, 2);
        w.onWrite(q, 2, q.length - 2);
        w.onRead();
        assertThat(w.roundTrips()).isEqualTo(2);
        assertThat(w.statements()).isEqualTo(1);
    }
}
