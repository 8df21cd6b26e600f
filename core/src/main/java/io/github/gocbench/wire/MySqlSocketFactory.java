package io.github.gocbench.wire;

import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.protocol.StandardSocketFactory;
import java.net.Socket;

/** Connector/J's {@code socketFactory}: its standard one, with the socket from {@link Wire}. */
public final class MySqlSocketFactory extends StandardSocketFactory {

    @Override
    protected Socket createSocket(PropertySet props) {
        return Wire.socket();
    }
}
