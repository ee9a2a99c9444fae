// Parse tree -> AST. Internal to the parser (parser.cpp is its only user).
#pragma once

#include "KithParser.h"
#include "query/ast/ast.h"
#include "query/parser/parser.h"

namespace kith::query {

ast::Statement build_statement(grammar::KithParser::ScriptContext* script, const ParseOptions& options);

}  // namespace kith::query
