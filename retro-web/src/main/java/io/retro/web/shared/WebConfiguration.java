package io.retro.web.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** How request bodies are read: strings trimmed, since the API's text limits count after trimming. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebFluxConfigurer {

    private final ObjectMapper requestMapper;

    public WebConfiguration(ObjectMapper objectMapper) {
        this.requestMapper = objectMapper.copy().registerModule(new SimpleModule("trimmed-strings")
                .addDeserializer(String.class, new TrimmingStringDeserializer()));
        // A number or boolean where text belongs is a client's mistake, not something to convert.
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            requestMapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(requestMapper));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    private static final class TrimmingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            return value == null ? null : value.strip();
        }
    }
}
