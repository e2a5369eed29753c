//===- FixedInterpreterTest.cpp - Integer interpreter unit tests ----------===//
//
// Every expected code below is computed by hand from docs/fixed-point.md
// (section numbers in the comments); ties of a rescale go towards +inf,
// ties of the input boundary away from zero.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/FixedInterpreter.h"
#include "lrnn/Interpreter/Interpreter.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>
#include <string>

using namespace mlir;
using namespace lrnn;

namespace {

class FixedInterpreterTest : public ::testing::Test {
protected:
  FixedInterpreterTest() {
    DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadDialect<LRNNDialect>();
  }

  /// Parses (and by default verifies) `source`; returns its single model.
  ModelOp parse(StringRef source, bool verify = true) {
    module = parseSourceString<ModuleOp>(
        source, ParserConfig(&context, /*verifyAfterParse=*/verify));
    EXPECT_TRUE(module) << "parse failed";
    if (!module)
      return nullptr;
    auto model = getSingleModel(*module, "test");
    EXPECT_TRUE(bool(model));
    if (!model) {
      llvm::consumeError(model.takeError());
      return nullptr;
    }
    return *model;
  }

  std::unique_ptr<FixedInterpreter> load(StringRef source) {
    ModelOp model = parse(source);
    if (!model)
      return nullptr;
    auto interp = FixedInterpreter::create(model);
    EXPECT_TRUE(bool(interp));
    if (!interp) {
      ADD_FAILURE() << llvm::toString(interp.takeError());
      return nullptr;
    }
    return std::move(*interp);
  }

  /// The value defined by the `index`-th op of the body, result `result`.
  Value valueOf(unsigned index, unsigned result = 0) {
    ModelOp model = *module->getOps<ModelOp>().begin();
    return std::next(model.getBodyBlock().begin(), index)->getResult(result);
  }

  /// One step on one input vector, returning the output codes.
  static std::vector<int64_t> step(FixedInterpreter &interp,
                                   std::vector<int64_t> in) {
    std::vector<int64_t> out(interp.getOutputSize());
    interp.step(in, out);
    return out;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

// The model of the task description: y = relu(narrow(W u + b)).
constexpr const char *kTiny = R"mlir(
lrnn.model @m(%u: tensor<2x!lrnn.fixed<16, 12>>) -> tensor<1x!lrnn.fixed<16, 13>> attributes {accumulator_bits = 32 : i32} {
  %y = lrnn.qproject %u weight(dense<[[12, -3]]> : tensor<1x2xi8> exp 9) bias(dense<[100]> : tensor<1xi16> exp 12) : tensor<2x!lrnn.fixed<16, 12>> -> tensor<1x!lrnn.fixed<16, 13>> loc("enc")
  %r = lrnn.qrelu %y : tensor<1x!lrnn.fixed<16, 13>> loc("act")
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 13>>
}
)mlir";

TEST_F(FixedInterpreterTest, TinyModel) {
  auto interp = load(kTiny);
  ASSERT_TRUE(interp);
  EXPECT_EQ(interp->getInputSize(), 2);
  EXPECT_EQ(interp->getOutputSize(), 1);
  EXPECT_EQ(interp->getInputWidth(), 16u);
  EXPECT_EQ(interp->getInputExponent(), 12);
  EXPECT_EQ(interp->getOutputWidth(), 16u);
  EXPECT_EQ(interp->getOutputExponent(), 13);
  EXPECT_EQ(interp->getAccumulatorBits(), 32u);
  EXPECT_EQ(interp->getNumStates(), 0);
  // e_acc = 9 + 12 = 21; bias 100 · 2^(21-12) = 51200; shift 21 - 13 = 8.
  // u = (1, 0.5): 12·4096 - 3·2048 + 51200 = 94208 = 368 · 256.
  EXPECT_EQ(step(*interp, {4096, 2048}), std::vector<int64_t>{368});
  // u = (7.9, -7.9) as codes ±32358: 15·32358 + 51200 = 536570, / 256 =
  // 2095.96 -> 2096.
  EXPECT_EQ(step(*interp, {32358, -32358}), std::vector<int64_t>{2096});
  // The projection goes negative, relu clamps: -12·4096 + 51200 = 2048 -> 8;
  // -2·12·4096 + 51200 = -47104 -> -184 -> 0.
  EXPECT_EQ(step(*interp, {-4096, 0}), std::vector<int64_t>{8});
  EXPECT_EQ(step(*interp, {-8192, 0}), std::vector<int64_t>{0});
  EXPECT_EQ(interp->getValue(valueOf(0)), ArrayRef<int64_t>{-184});
  EXPECT_EQ(interp->getValue(valueOf(1)), ArrayRef<int64_t>{0});
  EXPECT_EQ(interp->getValue(valueOf(0).getParentBlock()->getArgument(0)),
            (ArrayRef<int64_t>{-8192, 0}));
  EXPECT_EQ(interp->getSteps(), 4);

  std::vector<OpSaturations> ops = interp->getSaturations();
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].index, 0);
  EXPECT_EQ(ops[0].opName, "lrnn.qproject");
  EXPECT_EQ(ops[0].locName, "enc");
  EXPECT_EQ(ops[1].index, 1);
  EXPECT_EQ(ops[1].opName, "lrnn.qrelu");
  EXPECT_EQ(ops[1].locName, "act");
  EXPECT_EQ(interp->getTotalSaturations(), 0);

  // run() over [T, d_in] from the current state equals the steps.
  std::vector<int64_t> out = interp->run({4096, 2048, 32358, -32358}, 2);
  EXPECT_EQ(out, (std::vector<int64_t>{368, 2096}));
}

// acc = 2a + b + 1 · 2^(4-1) at exponent 4, result at exponent 0: shift 4.
constexpr const char *kProjectTies = R"mlir(
lrnn.model @m(%u: tensor<2x!lrnn.fixed<16, 2>>) -> tensor<1x!lrnn.fixed<16, 0>> attributes {accumulator_bits = 32 : i32} {
  %y = lrnn.qproject %u weight(dense<[[2, 1]]> : tensor<1x2xi8> exp 2) bias(dense<[1]> : tensor<1xi16> exp 1) : tensor<2x!lrnn.fixed<16, 2>> -> tensor<1x!lrnn.fixed<16, 0>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 0>>
}
)mlir";

TEST_F(FixedInterpreterTest, ProjectionBiasAndRoundingTies) {
  auto interp = load(kProjectTies);
  ASSERT_TRUE(interp);
  struct Case {
    int64_t a, b, y;
  } cases[] = {
      {0, 0, 1},     // acc 8 = 0.5 -> 1 (the bias alone, a tie)
      {8, 0, 2},     // 24 = 1.5 -> 2
      {16, 0, 3},    // 40 = 2.5 -> 3
      {-8, 0, 0},    // -8 = -0.5 -> 0
      {-16, 0, -1},  // -24 = -1.5 -> -1
      {-24, 0, -2},  // -40 = -2.5 -> -2
      {0, -16, 0},   // -8 again, through the other weight
      {1, 0, 1},     // 10 = 0.625 -> 1
      {0, -25, -1},  // -17 = -1.0625 -> -1
      {0, -23, -1},  // -15 = -0.9375 -> -1
      {0, -7, 0},    // 1 = 0.0625 -> 0
  };
  for (const Case &c : cases)
    EXPECT_EQ(step(*interp, {c.a, c.b}), std::vector<int64_t>{c.y})
        << "a = " << c.a << ", b = " << c.b;
  EXPECT_EQ(interp->getTotalSaturations(), 0);
}

// Two projections of one input, 100 u at exponent 0: narrowed with a right
// shift of 0 (%a) and a saturating left shift of 3 (%b).
constexpr const char *kSaturation = R"mlir(
lrnn.model @m(%u: tensor<1x!lrnn.fixed<16, 0>>) -> tensor<1x!lrnn.fixed<16, 3>> attributes {accumulator_bits = 32 : i32} {
  %a = lrnn.qproject %u weight(dense<[[100]]> : tensor<1x1xi8> exp 0) : tensor<1x!lrnn.fixed<16, 0>> -> tensor<1x!lrnn.fixed<16, 0>> loc("a")
  %b = lrnn.qproject %u weight(dense<[[100]]> : tensor<1x1xi8> exp 0) : tensor<1x!lrnn.fixed<16, 0>> -> tensor<1x!lrnn.fixed<16, 3>> loc("b")
  lrnn.output %b : tensor<1x!lrnn.fixed<16, 3>>
}
)mlir";

TEST_F(FixedInterpreterTest, SaturationCounts) {
  auto interp = load(kSaturation);
  ASSERT_TRUE(interp);
  Value a = valueOf(0);
  // 40000 > 32767 and 40000 · 8 > 32767.
  EXPECT_EQ(step(*interp, {400}), std::vector<int64_t>{32767});
  EXPECT_EQ(interp->getValue(a), ArrayRef<int64_t>{32767});
  EXPECT_EQ(step(*interp, {-400}), std::vector<int64_t>{-32767});
  EXPECT_EQ(interp->getValue(a), ArrayRef<int64_t>{-32767});
  // 4100 fits; 4100 · 8 = 32800 does not (left-shift saturation).
  EXPECT_EQ(step(*interp, {41}), std::vector<int64_t>{32767});
  EXPECT_EQ(interp->getValue(a), ArrayRef<int64_t>{4100});
  EXPECT_EQ(step(*interp, {-41}), std::vector<int64_t>{-32767});
  // 4000 · 8 = 32000 fits.
  EXPECT_EQ(step(*interp, {40}), std::vector<int64_t>{32000});
  EXPECT_EQ(step(*interp, {0}), std::vector<int64_t>{0});

  std::vector<OpSaturations> ops = interp->getSaturations();
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].locName, "a");
  EXPECT_EQ(ops[0].count, 2);
  EXPECT_EQ(ops[1].locName, "b");
  EXPECT_EQ(ops[1].count, 4);
  EXPECT_EQ(interp->getTotalSaturations(), 6);
  EXPECT_EQ(interp->getInputSaturations(), 0);

  // Input codes beyond ±M(16) are clamped and counted at the input.
  EXPECT_EQ(step(*interp, {40000}), std::vector<int64_t>{32767});
  EXPECT_EQ(interp->getValue(a), ArrayRef<int64_t>{32767});
  EXPECT_EQ(interp->getInputSaturations(), 1);
  EXPECT_EQ(interp->getTotalSaturations(), 8);

  interp->resetSaturations();
  EXPECT_EQ(interp->getTotalSaturations(), 0);
  EXPECT_EQ(interp->getInputSaturations(), 0);
  EXPECT_EQ(interp->getSteps(), 0);
}

// v = (u, -u) at exponent 8; state at exponent 6 with Λ̄ = (3 + i) · 2^-2;
// y = x_re - x_im at exponent 6.
constexpr const char *kRecurrence = R"mlir(
lrnn.model @m(%u: tensor<1x!lrnn.fixed<16, 8>>) -> tensor<1x!lrnn.fixed<16, 6>> attributes {accumulator_bits = 32 : i32} {
  %vr, %vi = lrnn.qcomplex_project %u re(dense<[[1]]> : tensor<1x1xi8> exp 0) im(dense<[[-1]]> : tensor<1x1xi8> exp 0) : tensor<1x!lrnn.fixed<16, 8>> -> tensor<1x!lrnn.fixed<16, 8>>
  %xr, %xi = lrnn.qdiag_recurrence %vr, %vi lambda(dense<[3]> : tensor<1xi16>, dense<[1]> : tensor<1xi16> exp 2) : tensor<1x!lrnn.fixed<16, 8>> -> tensor<1x!lrnn.fixed<16, 6>> loc("lambda")
  %y = lrnn.qcomplex_readout %xr, %xi re(dense<[[1]]> : tensor<1x1xi8>) im(dense<[[1]]> : tensor<1x1xi8>) exp 0 : tensor<1x!lrnn.fixed<16, 6>> -> tensor<1x!lrnn.fixed<16, 6>>
  lrnn.output %y : tensor<1x!lrnn.fixed<16, 6>>
}
)mlir";

TEST_F(FixedInterpreterTest, RecurrenceByHand) {
  auto interp = load(kRecurrence);
  ASSERT_TRUE(interp);
  EXPECT_EQ(interp->getNumStates(), 1);
  Value xr = valueOf(1, 0), xi = valueOf(1, 1);
  // Zero state before the first step.
  EXPECT_EQ(interp->getValue(xr), ArrayRef<int64_t>{0});

  // Step 0, u = 1000: a = rescale(±1000, 2) = (250, -250); x = a.
  EXPECT_EQ(step(*interp, {1000}), std::vector<int64_t>{500});
  EXPECT_EQ(interp->getValue(xr), ArrayRef<int64_t>{250});
  EXPECT_EQ(interp->getValue(xi), ArrayRef<int64_t>{-250});
  // Step 1, u = 0:
  //   re = rescale(750, 2) - rescale(-250, 2) = 188 - (-62) = 250
  //   im = rescale(-750, 2) + rescale(250, 2) = -187 + 63 = -124
  // (float: 250 - 125i; the ties 187.5, -62.5, -187.5, 62.5 go up).
  EXPECT_EQ(step(*interp, {0}), std::vector<int64_t>{374});
  EXPECT_EQ(interp->getValue(xr), ArrayRef<int64_t>{250});
  EXPECT_EQ(interp->getValue(xi), ArrayRef<int64_t>{-124});
  // Step 2, u = -333: a = (rescale(-333, 2), rescale(333, 2)) = (-83, 83)
  //   re = rescale(750, 2) - rescale(-124, 2) - 83 = 188 + 31 - 83 = 136
  //   im = rescale(-372, 2) + rescale(250, 2) + 83 = -93 + 63 + 83 = 53
  EXPECT_EQ(step(*interp, {-333}), std::vector<int64_t>{83});
  EXPECT_EQ(interp->getValue(xr), ArrayRef<int64_t>{136});
  EXPECT_EQ(interp->getValue(xi), ArrayRef<int64_t>{53});
  // Step 3, u = 0:
  //   re = rescale(408, 2) - rescale(53, 2) = 102 - 13 = 89
  //   im = rescale(159, 2) + rescale(136, 2) = 40 + 34 = 74
  EXPECT_EQ(step(*interp, {0}), std::vector<int64_t>{15});
  EXPECT_EQ(interp->getValue(xr), ArrayRef<int64_t>{89});
  EXPECT_EQ(interp->getValue(xi), ArrayRef<int64_t>{74});
  EXPECT_EQ(interp->getTotalSaturations(), 0);

  // reset() restores the zero state: the same sequence again.
  interp->reset();
  EXPECT_EQ(interp->run({1000, 0, -333, 0}, 4),
            (std::vector<int64_t>{500, 374, 83, 15}));
}

TEST_F(FixedInterpreterTest, RecurrenceStateSaturates) {
  auto interp = load(kRecurrence);
  ASSERT_TRUE(interp);
  // A constant u = 32767 (a = (8192, -8192)) drives x towards
  // a / (1 - Λ̄) = 32768: the real part saturates from step 4 on, and the
  // readout x_re - x_im from step 2 on. Each step as in RecurrenceByHand,
  // e.g. step 4: re = rescale(3·29184, 2) - rescale(-12288, 2) + 8192 =
  // 21888 + 3072 + 8192 = 33152 -> 32767 (counted),
  // im = rescale(-36864, 2) + rescale(29184, 2) - 8192 = -9216 + 7296 - 8192.
  struct Expected {
    int64_t re, im, y;
  } expected[] = {
      {8192, -8192, 16384},  {16384, -12288, 28672}, {23552, -13312, 32767},
      {29184, -12288, 32767}, {32767, -10112, 32767}, {32767, -7584, 32767},
  };
  for (const Expected &e : expected) {
    EXPECT_EQ(step(*interp, {32767}), std::vector<int64_t>{e.y});
    EXPECT_EQ(interp->getValue(valueOf(1, 0)), ArrayRef<int64_t>{e.re});
    EXPECT_EQ(interp->getValue(valueOf(1, 1)), ArrayRef<int64_t>{e.im});
  }
  std::vector<OpSaturations> ops = interp->getSaturations();
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[0].count, 0);
  EXPECT_EQ(ops[1].opName, "lrnn.qdiag_recurrence");
  EXPECT_EQ(ops[1].locName, "lambda");
  EXPECT_EQ(ops[1].count, 2);
  EXPECT_EQ(ops[2].opName, "lrnn.qcomplex_readout");
  EXPECT_EQ(ops[2].count, 4);
  EXPECT_EQ(interp->getTotalSaturations(), 6);
}

// crelu of (u0, u1) at exponent 0.
constexpr const char *kCRelu = R"mlir(
lrnn.model @m(%u: tensor<2x!lrnn.fixed<16, 0>>) -> tensor<1x!lrnn.fixed<16, 0>> attributes {accumulator_bits = 32 : i32} {
  %vr, %vi = lrnn.qcomplex_project %u re(dense<[[1, 0]]> : tensor<1x2xi8> exp 0) im(dense<[[0, 1]]> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 0>> -> tensor<1x!lrnn.fixed<16, 0>>
  %yr, %yi = lrnn.qcrelu %vr, %vi : tensor<1x!lrnn.fixed<16, 0>>
  lrnn.output %yi : tensor<1x!lrnn.fixed<16, 0>>
}
)mlir";

TEST_F(FixedInterpreterTest, CReluTieRule) {
  auto interp = load(kCRelu);
  ASSERT_TRUE(interp);
  struct Case {
    int64_t re, im, yr, yi;
  } cases[] = {
      {0, 5, 0, 5},   // re == 0, im > 0: kept
      {0, -5, 0, 0},  // re == 0, im < 0: zero
      {0, 0, 0, 0},
      {3, -4, 3, -4}, // re > 0: kept whatever im
      {-1, 7, 0, 0},  // re < 0: zero
  };
  for (const Case &c : cases) {
    EXPECT_EQ(step(*interp, {c.re, c.im}), std::vector<int64_t>{c.yi});
    EXPECT_EQ(interp->getValue(valueOf(1, 0)), ArrayRef<int64_t>{c.yr})
        << c.re << " " << c.im;
    EXPECT_EQ(interp->getValue(valueOf(1, 1)), ArrayRef<int64_t>{c.yi})
        << c.re << " " << c.im;
  }
}

// a = u0 at exponent 4, b = u1 at exponent 2 (a projection with weight
// exponent -2); a + b and a · b, both at exponent 3.
constexpr const char *kArith = R"mlir(
lrnn.model @m(%u: tensor<2x!lrnn.fixed<16, 4>>) -> tensor<1x!lrnn.fixed<16, 3>> attributes {accumulator_bits = 32 : i32} {
  %a = lrnn.qproject %u weight(dense<[[1, 0]]> : tensor<1x2xi8> exp 0) : tensor<2x!lrnn.fixed<16, 4>> -> tensor<1x!lrnn.fixed<16, 4>>
  %b = lrnn.qproject %u weight(dense<[[0, 1]]> : tensor<1x2xi8> exp -2) : tensor<2x!lrnn.fixed<16, 4>> -> tensor<1x!lrnn.fixed<16, 2>>
  %s = lrnn.qadd %a, %b : tensor<1x!lrnn.fixed<16, 4>>, tensor<1x!lrnn.fixed<16, 2>> -> tensor<1x!lrnn.fixed<16, 3>> loc("add")
  %p = lrnn.qmul %a, %b : tensor<1x!lrnn.fixed<16, 4>>, tensor<1x!lrnn.fixed<16, 2>> -> tensor<1x!lrnn.fixed<16, 3>> loc("mul")
  lrnn.output %s : tensor<1x!lrnn.fixed<16, 3>>
}
)mlir";

TEST_F(FixedInterpreterTest, AddWithDifferentExponents) {
  auto interp = load(kArith);
  ASSERT_TRUE(interp);
  // e_m = min(4, 2 + 32 - 16 - 1) = 4: acc = a + 4 b, then rescale by 1.
  struct Case {
    int64_t a, b, y;
  } cases[] = {
      {3, 1, 4},    // 7 = 3.5 -> 4
      {-3, -1, -3}, // -7 = -3.5 -> -3
      {2, 1, 3},    // 6 -> 3
      {-5, 1, 0},   // -1 = -0.5 -> 0
      {1, -1, -1},  // -3 = -1.5 -> -1
      {32767, 32767, 32767},    // 163835 -> 81918: saturates
      {-32767, -32767, -32767}, // and negative
  };
  for (const Case &c : cases)
    EXPECT_EQ(step(*interp, {c.a, c.b}), std::vector<int64_t>{c.y})
        << c.a << " + " << c.b;
  EXPECT_EQ(interp->getSaturations()[2].count, 2);
  EXPECT_EQ(interp->getSaturations()[2].opName, "lrnn.qadd");
}

TEST_F(FixedInterpreterTest, Mul) {
  auto interp = load(kArith);
  ASSERT_TRUE(interp);
  Value product = valueOf(3);
  // acc = a · b at exponent 6, rescaled by 3.
  struct Case {
    int64_t a, b, y;
  } cases[] = {
      {5, 3, 2},    // 15/8 = 1.875 -> 2
      {-5, 3, -2},  // -1.875 -> -2
      {4, -1, 0},   // -0.5 -> 0
      {12, 1, 2},   // 1.5 -> 2
      {-12, 1, -1}, // -1.5 -> -1
      {1000, 1000, 32767},   // 125000: saturates
      {-1000, 1000, -32767}, // and negative
      {512, 511, 32704},     // 261632 / 8, fits
  };
  for (const Case &c : cases) {
    step(*interp, {c.a, c.b});
    EXPECT_EQ(interp->getValue(product), ArrayRef<int64_t>{c.y})
        << c.a << " * " << c.b;
  }
  EXPECT_EQ(interp->getSaturations()[3].opName, "lrnn.qmul");
  EXPECT_EQ(interp->getSaturations()[3].count, 2);
  EXPECT_EQ(interp->getSaturations()[3].locName, "mul");
}

/// "dense<[v0, v1, ...]> : tensor<Nxi16>" of a standard table.
static std::string lutNodes(LutFunction function) {
  std::vector<int64_t> nodes =
      fixed::computeLutNodes(function, fixed::getStandardLutParams(function));
  std::string text = "dense<[";
  for (size_t i = 0; i < nodes.size(); ++i)
    text += (i ? ", " : "") + std::to_string(nodes[i]);
  return text + "]> : tensor<" + std::to_string(nodes.size()) + "xi16>";
}

TEST_F(FixedInterpreterTest, SigmoidWorkedExample) {
  std::vector<int64_t> nodes = fixed::computeLutNodes(
      LutFunction::Sigmoid, fixed::getStandardLutParams(LutFunction::Sigmoid));
  ASSERT_EQ(nodes.size(), 65u);
  EXPECT_EQ(nodes[33], 18421);
  EXPECT_EQ(nodes[34], 20397);
  std::string source =
      "lrnn.model @m(%u: tensor<1x!lrnn.fixed<16, 13>>) -> "
      "tensor<1x!lrnn.fixed<16, 15>> attributes {accumulator_bits = 32 : i32} {\n"
      "  %s = lrnn.qlut %u sigmoid nodes(" +
      lutNodes(LutFunction::Sigmoid) +
      ") range_log2 3 segment_log2 2 node_exp 15 : "
      "tensor<1x!lrnn.fixed<16, 13>> -> tensor<1x!lrnn.fixed<16, 15>>\n"
      "  lrnn.output %s : tensor<1x!lrnn.fixed<16, 15>>\n}\n";
  auto interp = load(source);
  ASSERT_TRUE(interp);
  // §5: q = 3584 (0.4375): f = 11, j = 1, d = 1536, i = 33,
  // t = 18421·2048 + 1976·1536 = 40761344, y = rescale(t, 11) = 19903.
  EXPECT_EQ(step(*interp, {3584}), std::vector<int64_t>{19903});
  // x = 0 is node 32 exactly: 16384 (0.5).
  EXPECT_EQ(step(*interp, {0}), std::vector<int64_t>{16384});
  // q = 32767 (3.99988): j = 15, d = 2047, i = 47,
  // t = 32015·2048 + 164·2047 = 65902428, y = rescale(t, 11) = 32179.
  EXPECT_EQ(step(*interp, {32767}), std::vector<int64_t>{32179});
  EXPECT_EQ(interp->getTotalSaturations(), 0);

  // At e_x = 10 the input reaches ±32, beyond the range [-8, 8): the end
  // nodes, v[64] = 32757 and v[0] = 11 (f = 8, t = v · 2^8).
  std::string wide = source;
  wide.replace(wide.find("16, 13"), 6, "16, 10");
  wide.replace(wide.find("16, 13"), 6, "16, 10");
  auto far = load(wide);
  ASSERT_TRUE(far);
  EXPECT_EQ(step(*far, {32767}), std::vector<int64_t>{nodes[64]});
  EXPECT_EQ(nodes[64], 32757);
  EXPECT_EQ(step(*far, {-32767}), std::vector<int64_t>{nodes[0]});
  EXPECT_EQ(nodes[0], 11);
  // 8 (code 8192) is the first value above the range; 7.99609 (8191) is in
  // the last segment: j = 31, d = 255, t = v63·256 + (v64 - v63)·255.
  EXPECT_EQ(step(*far, {8192}), std::vector<int64_t>{32757});
  EXPECT_EQ(step(*far, {8191}),
            std::vector<int64_t>{fixed::rescale(
                nodes[63] * 256 + (nodes[64] - nodes[63]) * 255, 8)});
  EXPECT_EQ(far->getTotalSaturations(), 0);
}

TEST_F(FixedInterpreterTest, GeluAboveRangeIsIdentity) {
  auto model = [&](int outputExponent) {
    std::string out = "tensor<1x!lrnn.fixed<16, " +
                      std::to_string(outputExponent) + ">>";
    return "lrnn.model @m(%u: tensor<1x!lrnn.fixed<16, 12>>) -> " + out +
           " attributes {accumulator_bits = 32 : i32} {\n"
           "  %g = lrnn.qlut %u gelu_tanh nodes(" +
           lutNodes(LutFunction::GeluTanh) +
           ") range_log2 2 segment_log2 3 node_exp 12 : "
           "tensor<1x!lrnn.fixed<16, 12>> -> " + out + "\n"
           "  lrnn.output %g : " + out + "\n}\n";
  };
  auto same = load(model(12));
  ASSERT_TRUE(same);
  // x = 5 (above [-4, 4)): y = x, the code unchanged at the same exponent.
  EXPECT_EQ(step(*same, {20480}), std::vector<int64_t>{20480});
  // x = 4 exactly is the first value above the range.
  EXPECT_EQ(step(*same, {16384}), std::vector<int64_t>{16384});
  // x = -5: node 0, which is 0 for gelu_tanh.
  EXPECT_EQ(step(*same, {-20480}), std::vector<int64_t>{0});
  // x = 0: node 32 = 0.
  EXPECT_EQ(step(*same, {0}), std::vector<int64_t>{0});
  EXPECT_EQ(same->getTotalSaturations(), 0);

  // The identity is narrowed to the result: a rounding right shift ...
  auto coarser = load(model(11));
  ASSERT_TRUE(coarser);
  EXPECT_EQ(step(*coarser, {20481}), std::vector<int64_t>{10241}); // 10240.5
  // ... and a saturating left shift, counted.
  auto finer = load(model(13));
  ASSERT_TRUE(finer);
  EXPECT_EQ(step(*finer, {20480}), std::vector<int64_t>{32767});
  EXPECT_EQ(finer->getTotalSaturations(), 1);
}

// Input at exponent 2, passed through.
constexpr const char *kPassThrough = R"mlir(
lrnn.model @m(%u: tensor<1x!lrnn.fixed<16, 2>>) -> tensor<1x!lrnn.fixed<16, 2>> attributes {accumulator_bits = 32 : i32} {
  %r = lrnn.qrelu %u : tensor<1x!lrnn.fixed<16, 2>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 2>>
}
)mlir";

TEST_F(FixedInterpreterTest, InputBoundary) {
  auto interp = load(kPassThrough);
  ASSERT_TRUE(interp);
  // §6: 8191.875 · 4 = 32767.5 -> 32768 -> 32767, one count.
  EXPECT_EQ(interp->quantizeInput(8191.875), 32767);
  EXPECT_EQ(interp->getInputSaturations(), 1);
  // 8191.75 · 4 = 32767 exactly: no count.
  EXPECT_EQ(interp->quantizeInput(8191.75), 32767);
  EXPECT_EQ(interp->quantizeInput(-8191.75), -32767);
  EXPECT_EQ(interp->getInputSaturations(), 1);
  EXPECT_EQ(interp->quantizeInput(-8191.875), -32767);
  EXPECT_EQ(interp->getInputSaturations(), 2);
  // Ties away from zero.
  EXPECT_EQ(interp->quantizeInput(0.125), 1);   // 0.5
  EXPECT_EQ(interp->quantizeInput(-0.125), -1); // -0.5
  EXPECT_EQ(interp->quantizeInput(0.375), 2);   // 1.5
  EXPECT_EQ(interp->quantizeInput(-0.375), -2); // -1.5
  EXPECT_EQ(interp->quantizeInput(0.1), 0);     // 0.4
  EXPECT_EQ(interp->quantizeInput(-0.0), 0);
  EXPECT_EQ(interp->getInputSaturations(), 2);
  // Huge values saturate without overflowing the conversion.
  EXPECT_EQ(interp->quantizeInput(1e300), 32767);
  EXPECT_EQ(interp->quantizeInput(-1e300), -32767);
  EXPECT_EQ(interp->quantizeInput(9.3e18), 32767);
  EXPECT_EQ(interp->quantizeInput(-9.3e18), -32767);
  EXPECT_EQ(interp->quantizeInput(std::numeric_limits<double>::max()), 32767);
  EXPECT_EQ(interp->quantizeInput(std::numeric_limits<double>::infinity()),
            32767);
  EXPECT_EQ(interp->getInputSaturations(), 8);
  // The smallest values round to zero.
  EXPECT_EQ(interp->quantizeInput(std::numeric_limits<double>::denorm_min()),
            0);
  EXPECT_EQ(interp->getInputSaturations(), 8);
}

TEST_F(FixedInterpreterTest, Dequantize) {
  auto interp = load(kTiny);
  ASSERT_TRUE(interp);
  EXPECT_EQ(interp->dequantizeOutput(368), 368.0f / 8192.0f);
  EXPECT_EQ(interp->dequantizeOutput(-32767), -32767.0f / 8192.0f);
  EXPECT_EQ(FixedInterpreter::dequantize(-32767, -2), -131068.0f);
  EXPECT_EQ(FixedInterpreter::dequantize(1, 40), std::ldexp(1.0f, -40));
  EXPECT_EQ(FixedInterpreter::dequantize(8388607, 40),
            std::ldexp(8388607.0f, -40)); // 24-bit codes are exact
  EXPECT_EQ(FixedInterpreter::dequantize(0, 13), 0.0f);
  // Quantising a dequantised code gives the code back.
  auto pass = load(kPassThrough);
  ASSERT_TRUE(pass);
  for (int64_t q : {-32767, -5, 0, 1, 12345, 32767})
    EXPECT_EQ(pass->quantizeInput(FixedInterpreter::dequantize(q, 2)), q);
  EXPECT_EQ(pass->getInputSaturations(), 0);
}

TEST_F(FixedInterpreterTest, FloatModelIsRejected) {
  ModelOp model = parse(R"mlir(
lrnn.model @f(%u: tensor<2xf32>) -> tensor<1xf32> {
  %y = lrnn.project %u weight(dense<[[0.75, -0.375]]> : tensor<1x2xf32>) : tensor<2xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}
)mlir");
  ASSERT_TRUE(model);
  EXPECT_FALSE(isQuantizedModel(model));
  auto interp = FixedInterpreter::create(model);
  ASSERT_FALSE(bool(interp));
  std::string message = llvm::toString(interp.takeError());
  EXPECT_NE(message.find("not a quantised model"), std::string::npos)
      << message;
}

TEST_F(FixedInterpreterTest, FloatInterpreterRejectsQuantisedModel) {
  ModelOp model = parse(kTiny);
  ASSERT_TRUE(model);
  EXPECT_TRUE(isQuantizedModel(model));
  auto interp = Interpreter::create(model);
  ASSERT_FALSE(bool(interp));
  std::string message = llvm::toString(interp.takeError());
  EXPECT_EQ(message.find("quantised model: "), 0u) << message;
}

TEST_F(FixedInterpreterTest, UnsupportedOpIsNamed) {
  // A float op on fixed-point values (the verifier would reject it; the
  // interpreter must still refuse rather than misbehave).
  ModelOp model = parse(R"mlir(
lrnn.model @m(%u: tensor<1x!lrnn.fixed<16, 2>>) -> tensor<1x!lrnn.fixed<16, 2>> attributes {accumulator_bits = 32 : i32} {
  %r = lrnn.relu %u : tensor<1x!lrnn.fixed<16, 2>>
  lrnn.output %r : tensor<1x!lrnn.fixed<16, 2>>
}
)mlir",
                        /*verify=*/false);
  ASSERT_TRUE(model);
  auto interp = FixedInterpreter::create(model);
  ASSERT_FALSE(bool(interp));
  std::string message = llvm::toString(interp.takeError());
  EXPECT_EQ(message.find("'lrnn.relu' is not supported by the integer "
                         "interpreter"),
            0u)
      << message;
}

} // namespace
