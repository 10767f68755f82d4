package io.retro.web.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Trend data as JSON to embed in a page's {@code <script type="application/json">} block. Team names
 * and reasons come from users, and the HTML parser ends a script element at the first {@code </script},
 * whatever the JSON around it means: so {@code <} (and {@code >}, {@code &} for good measure) leave as
 * JSON escapes, which a JSON parser reads back unchanged.
 */
final class HealthJson {

    private HealthJson() {}

    static String forScript(ObjectMapper mapper, Object value) {
        try {
            return escape(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Trend data could not be written as JSON", e);
        }
    }

    static String escape(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
