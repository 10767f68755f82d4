package io.retro.web.productupdate;

import java.util.List;
import java.util.Map;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Markdown of product updates as HTML that is safe to put in a page. Raw HTML in the source is
 * escaped, not passed through, so no tag or event-handler attribute of the author's survives; link
 * and image addresses keep only http, https and mailto (or none: a relative address), so no {@code
 * javascript:} or {@code data:} link does. Links open without handing the page to the target.
 */
@Component
public class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> MarkdownRenderer::linkAttributes)
            .build();

    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return renderer.render(parser.parse(markdown));
    }

    private static void linkAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Link) {
            attributes.put("rel", "nofollow noopener noreferrer");
        }
    }
}
