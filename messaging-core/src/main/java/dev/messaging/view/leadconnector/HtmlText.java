package dev.messaging.view.leadconnector;

import java.util.regex.Pattern;

/**
 * The plain text of an HTML body, for a message sent with HTML only (the domain's {@code text} is
 * required): tags and comments dropped, block ends as line breaks, the five XML entities and
 * {@code &nbsp;} decoded, runs of spaces folded. Not a renderer: enough for a preview and a
 * notification.
 */
final class HtmlText {
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

    private HtmlText() {
    }

    static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = HIDDEN.matcher(html).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        text = SPACES.matcher(text).replaceAll(" ");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}
