// Server-side HTML: the office list at /, an office card at /offices/{id},
// readable without JavaScript, and the shell of the editor page at /editor,
// in English or Simplified Chinese. The language comes from ?lang=en|zh,
// else from Accept-Language.
// The pages load styles and scripts only from /assets/ (no inline code), so
// they work under the strict Content-Security-Policy of every response.
#pragma once

#include <string>
#include <string_view>

#include "server/handlers.h"
#include "server/request_target.h"
#include "server/router.h"

namespace ngodesk::server {

// Escapes text for HTML element content and quoted attribute values.
std::string EscapeHtml(std::string_view text);

// "zh" or "en" from the lang parameter, else from an Accept-Language header
// (the first listed language with a quality above zero that is zh or en).
std::string ChooseLanguage(const RequestTarget& target, std::string_view accept_language);

// GET / and GET /offices/{id}.
Response HandlePage(const Site& site, const Request& request, const RequestTarget& target,
                    const RouteMatch& match);

// The HTML 404 page for a path outside /api/ that no route matches, or a
// redirect to the SVG icon for /favicon.ico.
Response NotFoundPage(const Request& request);

// The HTML 400 page for a request target outside /api/ that does not parse,
// with the parse error in the visitor's language.
Response BadRequestPage(const Request& request, const Error& error);

// GET /editor in "en" or "zh": the editor page's shell with its sign-in form.
// web/editor.js signs in, shows the review queue and records calls.
std::string RenderEditorPage(std::string_view lang);

}  // namespace ngodesk::server
