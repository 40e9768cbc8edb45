# TEMPORARY: system ICU until the from-source build lands.
find_package(ICU 72 REQUIRED COMPONENTS uc)
add_library(chime_icu INTERFACE)
target_link_libraries(chime_icu INTERFACE ICU::uc)
add_library(chime::icu ALIAS chime_icu)
