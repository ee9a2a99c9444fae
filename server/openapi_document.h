// The OpenAPI 3 description of the HTTP API (docs/openapi.json, compiled in).
#pragma once

#include <string_view>

namespace kith::server {

std::string_view openapi_document();

}  // namespace kith::server
