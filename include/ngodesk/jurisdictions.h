// The 33 registration authorities for overseas NGOs: the Ministry of Public
// Security, the public security departments and bureaus of the 31
// province-level divisions of the mainland, and the public security bureau of
// the Xinjiang Production and Construction Corps (Bingtuan). This fixed table
// gives each its stable office id, jurisdiction and seat city; contact data
// comes from the directory, not from here.
#pragma once

#include <span>
#include <string_view>

#include "ngodesk/office.h"

namespace ngodesk {

struct JurisdictionEntry {
  std::string_view office_id;      // "mps", "jiangsu", "inner-mongolia", "xinjiang-bingtuan"
  JurisdictionKind kind;
  std::string_view province_code;  // 6-digit GB/T 2260 code; empty for mps and the Bingtuan
  std::string_view name_zh;        // "江苏省"; "公安部" and "新疆生产建设兵团" for the others
  std::string_view name_en;        // "Jiangsu Province"
  std::string_view office_zh;      // "江苏省公安厅境外非政府组织管理办公室"
  std::string_view office_en;
  std::string_view seat_code;      // GB/T 2260 code of the city where the office sits
  std::string_view seat_zh;        // "南京市"
  std::string_view seat_en;        // "Nanjing"
};

// The name of a jurisdiction kind in the JSON export, the CSV export and the
// store: "national", "province" or "bingtuan".
const char* JurisdictionKindName(JurisdictionKind kind);

// All 33 entries: the Ministry first, then the provinces by code, the Bingtuan last.
std::span<const JurisdictionEntry> Jurisdictions();

// The entry for an office id, or nullptr.
const JurisdictionEntry* FindJurisdictionByOfficeId(std::string_view office_id);

// The entry of the province-level division with this 6-digit code (or its
// 2-digit prefix), or nullptr (for Hong Kong, Macau and Taiwan too).
const JurisdictionEntry* FindJurisdictionByProvinceCode(std::string_view code);

// An Office with id, name, jurisdiction and seat city set from the entry and
// no contact data.
Office MakeOfficeSkeleton(const JurisdictionEntry& entry);

}  // namespace ngodesk
