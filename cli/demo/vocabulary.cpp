#include "cli/demo/vocabulary.h"

namespace kith::demo {

namespace {

using sv = std::string_view;

constexpr sv first_names[] = {
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
    "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
    "Wei", "Aisha", "Hiroshi", "Fatima", "Ivan", "Sofia", "Mateo", "Chloe", "Lucas", "Emma", "Noah",
    "Olivia", "Liam", "Ava", "Ethan", "Mia", "Arjun", "Ananya", "Kwame", "Amara", "Lars", "Ingrid",
    "Pierre", "Camille", "Giulia", "Marco", "Yuki", "Min-jun", "Seo-yeon", "Ahmed", "Leila", "Diego",
    "Valentina", "Oluwaseun", "Zanele", "Niamh", "Declan", "Katarzyna", "Piotr", "Elif", "Emre",
    "Rachel", "Daniel", "Hannah", "Nathan", "Zoe", "Kevin", "Laura", "Brian", "Megan", "Jason", "Nicole",
    "Ryan", "Rebecca", "Eric", "Natalie", "Adam", "Julia", "Alex", "Taylor", "Jordan", "Morgan",
    "Casey", "Riley", "Avery", "Quinn", "Jamie", "Drew", "Sasha", "Nikhil", "Meera", "Tariq", "Yasmin",
    "Bjorn", "Freya", "Tomasz", "Agnieszka", "Rafael", "Beatriz", "Chen", "Mei", "Dana",
};
constexpr sv last_names[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
    "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
    "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
    "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
    "Roberts", "Wang", "Li", "Zhang", "Liu", "Chen", "Kim", "Park", "Choi", "Tanaka", "Suzuki", "Sato",
    "Singh", "Patel", "Sharma", "Gupta", "Khan", "Ali", "Hussain", "Okafor", "Mensah", "Diallo",
    "Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Novak", "Kowalski", "Nowak", "Horvat",
    "Rossi", "Russo", "Ferrari", "Dubois", "Moreau", "Laurent", "Jensen", "Nielsen", "Hansen",
    "Johansson", "Larsen", "O'Brien", "O'Connor", "Murphy", "Kelly", "Silva", "Santos", "Costa",
    "Oliveira", "Ivanov", "Petrov", "Cohen", "Levi", "Yilmaz", "Demir", "Haddad",
};
constexpr sv cities[] = {
    "San Francisco", "New York", "London", "Berlin", "Paris", "Amsterdam", "Toronto", "Austin", "Chicago",
    "Seattle", "Boston", "Dublin", "Stockholm", "Madrid", "Barcelona", "Milan", "Munich", "Zurich",
    "Singapore", "Tokyo", "Sydney", "Melbourne", "Bangalore", "Mumbai", "Sao Paulo", "Mexico City",
    "Tel Aviv", "Dubai", "Cape Town", "Lagos", "Warsaw", "Prague", "Copenhagen", "Oslo", "Helsinki",
    "Lisbon", "Vancouver", "Denver", "Atlanta", "Washington, D.C.",
};
constexpr sv countries[] = {
    "United States", "United Kingdom", "Germany", "France", "Netherlands", "Canada", "Ireland",
    "Sweden", "Spain", "Italy", "Switzerland", "Singapore", "Japan", "Australia", "India", "Brazil",
    "Mexico", "Israel", "United Arab Emirates", "South Africa", "Nigeria", "Poland", "Denmark", "Norway",
};
constexpr sv industries[] = {
    "Software", "Financial Services", "Healthcare", "Retail", "Manufacturing", "Telecommunications",
    "Media", "Education", "Logistics", "Energy", "Insurance", "Consulting", "Hospitality",
    "Real Estate", "Government", "Automotive",
};
constexpr sv company_prefixes[] = {
    "Blue", "North", "Silver", "Bright", "Red", "Green", "Iron", "Clear", "Swift", "True", "Star",
    "Sun", "Moon", "Oak", "Pine", "Maple", "Cedar", "River", "Lake", "Stone", "Cloud", "Sky", "Summit",
    "Peak", "Ever", "Open", "Quantum", "Vector", "Nova", "Terra", "Aqua", "Hyper", "Micro", "Omni",
    "Pro", "Smart", "Core", "Prime", "Apex", "Zen", "Vivid", "Bold", "Lumen", "Echo", "Arc", "Polar",
    "Coral", "Amber", "Jade", "Onyx",
};
constexpr sv company_roots[] = {
    "stone", "field", "bridge", "gate", "wave", "point", "path", "works", "forge", "light", "line",
    "spark", "leaf", "view", "scale", "shift", "loop", "base", "grid", "mark", "port", "ridge",
    "rock", "wind", "wood", "brook", "haven", "crest", "dale", "vale", "core", "hub", "stack", "flow",
    "bit", "byte", "logic", "mind", "sense", "signal",
};
constexpr sv company_suffixes[] = {
    "Systems", "Labs", "Technologies", "Solutions", "Group", "Partners", "Analytics", "Software",
    "Networks", "Health", "Capital", "Logistics", "Retail", "Media", "Energy", "Consulting",
};
constexpr sv plans[] = {"starter", "team", "business", "enterprise"};
constexpr sv topics[] = {
    "CRM", "customer experience", "cloud", "AI", "churn", "social selling", "analytics",
    "marketing automation", "customer success", "sales enablement", "permission marketing",
    "account-based marketing", "lead scoring", "email marketing", "content marketing", "data privacy",
    "pricing", "retention", "onboarding", "forecasting", "pipeline management", "product-led growth",
    "security", "SaaS metrics", "negotiation", "community", "partnerships", "SEO", "personalization",
    "upselling", "DevOps", "data engineering", "leadership", "hiring", "remote work", "e-commerce",
    "mobile", "loyalty programs", "customer support", "events",
};

// Topic indexes per department (see kTopics above).
constexpr int sales_topics[] = {0, 5, 9, 20, 24, 19, 29, 11};
constexpr int marketing_topics[] = {10, 1, 7, 11, 13, 14, 27, 28, 12};
constexpr int success_topics[] = {4, 1, 8, 17, 18, 38, 29, 0};
constexpr int engineering_topics[] = {2, 3, 22, 30, 31, 15, 36};
constexpr int product_topics[] = {21, 1, 6, 3, 28, 36, 23};
constexpr int operations_topics[] = {19, 16, 23, 6, 0, 15, 33};

// titles[department][seniority]
constexpr sv sales_ic[] = {"Account Executive", "Sales Development Representative",
                           "Business Development Representative", "Enterprise Account Executive",
                           "Account Manager"};
constexpr sv sales_mgr[] = {"Sales Manager", "Regional Sales Manager", "Team Lead, Inside Sales"};
constexpr sv sales_dir[] = {"Director of Sales", "Head of Sales", "Director, Enterprise Sales"};
constexpr sv sales_vp[] = {"VP Sales", "VP Sales, EMEA", "Vice President of Sales"};
constexpr sv sales_c[] = {"Chief Revenue Officer", "CEO"};
constexpr sv marketing_ic[] = {"Marketing Specialist", "Marketing Analyst", "Demand Generation Specialist",
                               "SEO Specialist", "Content Strategist"};
constexpr sv marketing_mgr[] = {"Marketing Manager", "Product Marketing Manager", "Content Marketing Manager"};
constexpr sv marketing_dir[] = {"Head of Marketing", "Director of Marketing", "Head of Marketing, EMEA"};
constexpr sv marketing_vp[] = {"VP Marketing", "VP Demand Generation"};
constexpr sv marketing_c[] = {"Chief Marketing Officer"};
constexpr sv success_ic[] = {"Customer Success Manager", "Support Engineer", "Onboarding Specialist",
                             "Technical Account Manager"};
constexpr sv success_mgr[] = {"Support Manager", "Customer Success Team Lead"};
constexpr sv success_dir[] = {"Head of Customer Success", "Director of Customer Experience"};
constexpr sv success_vp[] = {"VP Customer Success"};
constexpr sv success_c[] = {"Chief Customer Officer"};
constexpr sv engineering_ic[] = {"Software Engineer", "Senior Software Engineer", "Data Engineer",
                                 "Site Reliability Engineer", "Solutions Engineer"};
constexpr sv engineering_mgr[] = {"Engineering Manager"};
constexpr sv engineering_dir[] = {"Director of Engineering", "Head of Data"};
constexpr sv engineering_vp[] = {"VP Engineering"};
constexpr sv engineering_c[] = {"CTO"};
constexpr sv product_ic[] = {"Product Manager", "Product Designer", "UX Researcher"};
constexpr sv product_mgr[] = {"Group Product Manager", "Design Manager"};
constexpr sv product_dir[] = {"Director of Product", "Head of Product"};
constexpr sv product_vp[] = {"VP Product"};
constexpr sv product_c[] = {"Chief Product Officer"};
constexpr sv operations_ic[] = {"Financial Analyst", "Revenue Operations Analyst", "Recruiter"};
constexpr sv operations_mgr[] = {"Operations Manager", "Sales Operations Manager"};
constexpr sv operations_dir[] = {"Director of Finance", "Head of Revenue Operations"};
constexpr sv operations_vp[] = {"VP Finance", "VP Operations"};
constexpr sv operations_c[] = {"CFO", "COO", "CEO"};

const Words title_table[kDepartments][kSeniorities] = {
    {sales_ic, sales_mgr, sales_dir, sales_vp, sales_c},
    {marketing_ic, marketing_mgr, marketing_dir, marketing_vp, marketing_c},
    {success_ic, success_mgr, success_dir, success_vp, success_c},
    {engineering_ic, engineering_mgr, engineering_dir, engineering_vp, engineering_c},
    {product_ic, product_mgr, product_dir, product_vp, product_c},
    {operations_ic, operations_mgr, operations_dir, operations_vp, operations_c},
};

constexpr sv paper_titles[] = {"The State of {} 2026", "{}: A Practitioner's Guide", "Benchmarking {}",
                               "The {} Maturity Model", "{} for Revenue Teams"};
constexpr sv webinar_titles[] = {"{} Live: Ask the Experts", "Mastering {} in 60 Minutes", "{} Office Hours"};
constexpr sv post_titles[] = {"5 Ways to Improve {}", "Why \"Good Enough\" {} Isn't", "{} Myths, Debunked",
                              "What We Learned About {}", "{} in Practice"};
constexpr sv case_study_titles[] = {"How {} Won with Better Data", "{}: Results at Scale",
                                    "How {} Cut Churn in Half"};
constexpr sv conference_names[] = {"{} Summit", "{} World", "{} Forum", "{} Connect"};
constexpr sv webinar_event_names[] = {"{} Webinar", "{} Deep Dive", "{} Roundtable"};

}  // namespace

const Words kFirstNames = first_names;
const Words kLastNames = last_names;
const Words kCities = cities;
const Words kCountries = countries;
const Words kIndustries = industries;
const Words kCompanyPrefixes = company_prefixes;
const Words kCompanyRoots = company_roots;
const Words kCompanySuffixes = company_suffixes;
const Words kPlans = plans;
const Words kTopics = topics;
const Words kPaperTitles = paper_titles;
const Words kWebinarTitles = webinar_titles;
const Words kPostTitles = post_titles;
const Words kCaseStudyTitles = case_study_titles;
const Words kConferenceNames = conference_names;
const Words kWebinarEventNames = webinar_event_names;

std::string_view seniority_name(Seniority s) {
  constexpr sv names[] = {"IC", "manager", "director", "VP", "C-level"};
  return names[static_cast<int>(s)];
}

Words titles(Department d, Seniority s) { return title_table[static_cast<int>(d)][static_cast<int>(s)]; }

std::span<const int> department_topics(Department d) {
  switch (d) {
    case Department::Sales: return sales_topics;
    case Department::Marketing: return marketing_topics;
    case Department::CustomerSuccess: return success_topics;
    case Department::Engineering: return engineering_topics;
    case Department::Product: return product_topics;
    case Department::Operations: return operations_topics;
  }
  return sales_topics;
}

}  // namespace kith::demo
