package io.retro.web.shared;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP server closes each connection after its response.
 *
 * <p>Reactor Netty 1.2.18, the newest 1.2 release that works with this Spring Boot line, can stop
 * reading a keep-alive connection for good: when a request arrives before the previous response's
 * operations have terminated (a browser following a bodiless redirect does this), it is buffered,
 * answered, and afterwards nobody asks the channel to read again. The browser's next request on
 * that connection then waits forever (reactor/reactor-netty#4361, fixed upstream after 1.2.18).
 * One connection per request costs a TCP handshake, which is small next to a page render; drop
 * this once a fixed 1.2 release is available.
 */
@Configuration(proxyBeanMethods = false)
public class HttpServerConfiguration {

    @Bean
    NettyServerCustomizer closeConnectionsAfterEachResponse() {
        // One request per connection: the server answers with "Connection: close" and closes it.
        return server -> server.maxKeepAliveRequests(1);
    }
}
