// The words the demo data is made of: names, places, industries, topics and
// job titles. Lists are ordered where order means popularity (topics).
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace kith::demo {

using Words = std::span<const std::string_view>;

extern const Words kFirstNames;
extern const Words kLastNames;
extern const Words kCities;
extern const Words kCountries;
extern const Words kIndustries;
extern const Words kCompanyPrefixes;  // "Blue", "North", ...
extern const Words kCompanyRoots;     // "stone", "field", ...
extern const Words kCompanySuffixes;  // "Systems", "Labs", ...
extern const Words kPlans;            // by size: starter .. enterprise
// Topics, most popular first. DESIGN.md names "CRM", "churn", "customer
// experience", "social selling", "cloud", "permission marketing".
extern const Words kTopics;

// Seniority levels, the values of Person.seniority, junior first.
enum class Seniority : unsigned char { IC, Manager, Director, VP, CLevel };
constexpr int kSeniorities = 5;
std::string_view seniority_name(Seniority s);

// Departments decide titles and interests.
enum class Department : unsigned char { Sales, Marketing, CustomerSuccess, Engineering, Product, Operations };
constexpr int kDepartments = 6;
Words titles(Department d, Seniority s);
// Indexes into kTopics that people of a department care about most.
std::span<const int> department_topics(Department d);

// Title templates; "{}" is replaced by a topic (or a company for case studies).
extern const Words kPaperTitles;
extern const Words kWebinarTitles;
extern const Words kPostTitles;
extern const Words kCaseStudyTitles;
extern const Words kConferenceNames;
extern const Words kWebinarEventNames;

}  // namespace kith::demo
