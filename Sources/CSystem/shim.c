// The shims are static inline in include/CSystem.h; SwiftPM needs one source file for a C target.
