package io.retro.web.productupdate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void rendersOrdinaryMarkdown() {
        assertThat(markdown.toHtml("## Usage\n\nWeekly users are **up**, see [the dashboard](https://example.com/d).\n\n- one\n- two"))
                .contains("<h2>Usage</h2>")
                .contains("<strong>up</strong>")
                .contains("href=\"https://example.com/d\"").contains(">the dashboard</a>")
                .contains("<li>one</li>");
    }

    @Test
    void escapesScriptTags() {
        String html = markdown.toHtml("Hello <script>alert('x')</script>\n\n<script>\nalert(1)\n</script>");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void escapesEventHandlerAttributes() {
        String html = markdown.toHtml("<img src=x onerror=alert(1)>\n\nInline <b onmouseover=\"alert(2)\">bold</b>");
        assertThat(html).doesNotContain("<img").doesNotContain("<b ").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void dropsJavascriptLinksAndImages() {
        String html = markdown.toHtml("[click](javascript:alert(1))\n\n![pic](javascript:alert(2))\n\n[data](data:text/html;base64,PHNjcmlwdD4=)"
                + "\n\n<javascript:alert(3)>\n\n[mixed](JaVaScRiPt:alert(4))\n\n[spaced](<java\tscript:alert(5)>)");
        assertThat(html).doesNotContainIgnoringCase("href=\"javascript").doesNotContainIgnoringCase("src=\"javascript")
                .doesNotContainIgnoringCase("script:alert(4)").doesNotContainIgnoringCase("href=\"java")
                .doesNotContain("href=\"data:").contains(">click</a>");
    }

    @Test
    void blankBodyRendersNothing() {
        assertThat(markdown.toHtml("  ")).isEmpty();
        assertThat(markdown.toHtml(null)).isEmpty();
    }
}
