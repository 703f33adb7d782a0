// SPDX-License-Identifier: MIT
// The embedded viewer: its files are in the binary, looked up by exact name only, and the
// standalone page inlines them with the data escaped so no text can end the page's elements.
#include "app/web/embedded_files.h"
#include "app/web/standalone_page.h"

#include <gtest/gtest.h>

using namespace msb::web;

TEST(WebViewer, EmbedsTheViewerFilesByExactName)
{
    ASSERT_NE(findEmbeddedFile("viewer.html"), nullptr);
    ASSERT_NE(findEmbeddedFile("viewer.css"), nullptr);
    ASSERT_NE(findEmbeddedFile("viewer.js"), nullptr);
    EXPECT_TRUE(findEmbeddedFile("viewer.html")->bytes.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(findEmbeddedFile("viewer.js")->bytes.find("MSBViewer"), std::string_view::npos);
    for (const char* path :
        {"../viewer.html", "/viewer.html", "viewer.html/", "./viewer.js", "VIEWER.JS", "", "%2e%2e/etc/passwd"})
        EXPECT_EQ(findEmbeddedFile(path), nullptr) << path;
    EXPECT_EQ(contentTypeFor("viewer.js"), "text/javascript; charset=utf-8");
    // The follow page and what it loads by name, served by the classroom host.
    for (const char* name : {"follow.html", "follow.css", "follow.js", "follow_room.js", "frame_delta.js", "steps.js"})
        ASSERT_NE(findEmbeddedFile(name), nullptr) << name;
    const std::string_view follow = findEmbeddedFile("follow.html")->bytes;
    for (const char* used : {"src=\"viewer.js\"", "src=\"steps.js\"", "src=\"follow.js\"", "src=\"follow_room.js\"",
             "src=\"frame_delta.js\"", "href=\"viewer.css\"", "href=\"follow.css\""})
        EXPECT_NE(follow.find(used), std::string_view::npos) << used;
    // No inline script or style: the host may forbid both (Content-Security-Policy).
    EXPECT_EQ(follow.find("<script>"), std::string_view::npos);
    EXPECT_EQ(follow.find("<style"), std::string_view::npos);
    EXPECT_EQ(follow.find(" style="), std::string_view::npos);
    EXPECT_EQ(contentTypeFor("viewer.html"), "text/html; charset=utf-8");
}

TEST(WebViewer, StandalonePageInlinesEverything)
{
    ViewerPage page;
    page.title = "a <b> & \"c\"";
    page.dataJson = R"({"positions":[{"label":"</script><script>alert(1)</script>"}]})";
    page.svgFrames = {"<svg viewBox=\"0 0 1 1\"></svg>", "<svg viewBox=\"0 0 2 2\"></svg>"};
    const std::string html = standalonePage(page);
    EXPECT_EQ(html.find("MSB_VIEWER"), std::string::npos);
    EXPECT_EQ(html.find("<!--MSB_"), std::string::npos);
    EXPECT_NE(html.find(std::string(findEmbeddedFile("viewer.js")->bytes)), std::string::npos);
    EXPECT_NE(html.find(std::string(findEmbeddedFile("viewer.css")->bytes)), std::string::npos);
    EXPECT_NE(html.find("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"), std::string::npos);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_NE(html.find(R"(\u003c/script>\u003cscript>alert(1))"), std::string::npos);
    EXPECT_NE(html.find("<template class=\"msb-frame\" data-position=\"1\"><svg viewBox=\"0 0 2 2\"></svg></template>"),
        std::string::npos);
}

TEST(WebViewer, SharedDefsSitOutsideTheTemplates)
{
    ViewerPage page;
    page.dataJson = "{}";
    page.svgFrames = {"<svg><use xlink:href=\"#msb-img-1\" x=\"0\" y=\"0\"/></svg>"};
    page.sharedSvgDefs = "<image id=\"msb-img-1\" width=\"1\" height=\"1\" xlink:href=\"data:,\"/>";
    const std::string html = standalonePage(page);
    const auto defs = html.find("<defs><image id=\"msb-img-1\"");
    ASSERT_NE(defs, std::string::npos);
    EXPECT_LT(defs, html.find("<template"));
    EXPECT_EQ(standalonePage(ViewerPage {"t", "{}", {}, {}}).find("msb-shared"), std::string::npos);
}

TEST(WebViewer, StepTableIsTheCoresOwn)
{
    // steps.js is written at build time from core::stepInfo, one entry per step id.
    const std::string_view table = findEmbeddedFile("steps.js")->bytes;
    EXPECT_NE(table.find("window.MSB_STEPS = {"), std::string_view::npos);
    for (const char* id : {"\"A0\":{", "\"M7-fail\":{", "\"W1\":{", "\"H1\":{"})
        EXPECT_NE(table.find(id), std::string_view::npos) << id;
    EXPECT_NE(table.find("\"function\":\"migrate_page_move_mapping\""), std::string_view::npos);
}

TEST(WebViewer, EscapesForHtmlAndScript)
{
    EXPECT_EQ(escapeHtml("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    EXPECT_EQ(escapeJsonForScript(R"({"a":"<!--</script>"})"), R"({"a":"\u003c!--\u003c/script>"})");
}
