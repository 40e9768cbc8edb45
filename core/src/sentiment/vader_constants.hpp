// VADER's tuning constants (vaderSentiment 3.3.2, the ICWSM 2014 paper),
// shared by the scorer and the plain reference the tests hold it to.
#pragma once
#include <cstddef>

#include "sentiment/lexicon.hpp"

namespace chime::sentiment {

// Added to the magnitude of a sentiment word (or booster) in ALL CAPS when
// the text is not all caps (C_INCR: mean rating increase the paper measured).
inline constexpr double kCapsEmphasis = 0.733;
// A negated sentiment word's valence is multiplied by this (N_SCALAR).
inline constexpr double kNegationScalar = -0.74;
// Modifiers act on a sentiment word up to this many words after them.
inline constexpr size_t kModifierWindow = 3;
// A booster one, two or three words back counts in full, 95% or 90% (VADER).
inline constexpr double kBoosterDecay[kModifierWindow] = {1.0, 0.95, 0.9};
// Around "but": the sentiment before it is halved, after it raised by half.
inline constexpr double kBeforeContrast = 0.5;
inline constexpr double kAfterContrast = 1.5;
// Each "!" adds this to the magnitude, up to four of them (VADER's
// empirically derived 0.292).
inline constexpr double kExclamation = 0.292;
inline constexpr int kMaxExclamations = 4;
// Two or three "?" add 0.18 each; four or more add 0.96 in all (VADER).
inline constexpr double kQuestion = 0.18;
inline constexpr int kMaxCountedQuestions = 3;
inline constexpr double kManyQuestions = 0.96;
// compound = sum / sqrt(sum^2 + alpha), alpha approximating the largest
// expected sum (VADER's normalize(), alpha = 15).
inline constexpr double kNormalizationAlpha = 15;

// "couldn't", "don't", "isn't": negations by their ending (VADER's "n't").
inline const Phrase kNtNegation{{}, Effect::negate, 0};

}  // namespace chime::sentiment
