//===- InterpreterTest.cpp - Reference interpreter unit tests -------------===//

#include "lrnn/Dialect/LRNN/IR/LRNNOps.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"
#include "lrnn/Import/ImportModel.h"
#include "lrnn/InitAll.h"
#include "lrnn/Interpreter/Interpreter.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

#include <cmath>
#include <complex>

using namespace mlir;
using namespace lrnn;

namespace {

class InterpreterTest : public ::testing::Test {
protected:
  InterpreterTest() {
    DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadDialect<LRNNDialect>();
  }

  std::unique_ptr<Interpreter> load(StringRef source) {
    module = parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module) << "parse failed";
    if (!module)
      return nullptr;
    auto model = getSingleModel(*module, "test");
    EXPECT_TRUE(bool(model));
    if (!model) {
      llvm::consumeError(model.takeError());
      return nullptr;
    }
    auto interp = Interpreter::create(*model);
    EXPECT_TRUE(bool(interp));
    if (!interp) {
      llvm::consumeError(interp.takeError());
      return nullptr;
    }
    return std::move(*interp);
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

constexpr const char *kRecurrence = R"mlir(
lrnn.model @m(%u: tensor<1xf32>) -> tensor<1xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<1.0> : tensor<1x1xf32>) im(dense<0.0> : tensor<1x1xf32>) : tensor<1xf32> -> tensor<1xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.5> : tensor<1xf32>, dense<0.5> : tensor<1xf32>) : tensor<1xf32>
  %y = lrnn.complex_readout %xr, %xi re(dense<1.0> : tensor<1x1xf32>) im(dense<1.0> : tensor<1x1xf32>) kappa(2.0) : tensor<1xf32> -> tensor<1xf32>
  lrnn.output %y : tensor<1xf32>
}
)mlir";

TEST_F(InterpreterTest, ComplexRecurrenceMatchesClosedForm) {
  auto interp = load(kRecurrence);
  ASSERT_TRUE(interp);
  EXPECT_EQ(interp->getNumStates(), 1);
  // Impulse response: x_t = λ^t, y_t = 2 (Re x_t - Im x_t).
  std::complex<double> lambda(0.5, 0.5), x(1.0, 0.0);
  for (int t = 0; t < 10; ++t) {
    double in = t == 0 ? 1.0 : 0.0, out = 0;
    interp->step({in}, {out});
    EXPECT_NEAR(out, 2.0 * (x.real() - x.imag()), 1e-12) << "step " << t;
    x *= lambda;
  }
}

TEST_F(InterpreterTest, ResetRestoresZeroState) {
  auto interp = load(kRecurrence);
  ASSERT_TRUE(interp);
  std::vector<double> inputs = {1.0, -2.0, 0.5, 3.0};
  std::vector<double> first = interp->run(inputs, 4);
  interp->reset();
  std::vector<double> second = interp->run(inputs, 4);
  EXPECT_EQ(first, second);
  // Without reset the state carries over and the outputs differ.
  std::vector<double> third = interp->run(inputs, 4);
  EXPECT_NE(first, third);
}

TEST_F(InterpreterTest, ElementwiseOps) {
  auto interp = load(R"mlir(
lrnn.model @m(%u: tensor<4xf32>) -> tensor<4xf32> {
  %r = lrnn.relu %u : tensor<4xf32>
  %s = lrnn.sigmoid %u : tensor<4xf32>
  %g = lrnn.gelu %u approximation(erf) : tensor<4xf32>
  %t = lrnn.gelu %u approximation(tanh) : tensor<4xf32>
  %a = lrnn.add %r, %s : tensor<4xf32>
  %m = lrnn.mul %g, %t : tensor<4xf32>
  %b = lrnn.add %a, %m : tensor<4xf32>
  %c = lrnn.scale %b by(dense<[1.0, 2.0, -1.0, 0.5]> : tensor<4xf32>) : tensor<4xf32>
  %n = lrnn.batchnorm %c scale(dense<2.0> : tensor<4xf32>) bias(dense<1.0> : tensor<4xf32>) mean(dense<0.5> : tensor<4xf32>) var(dense<3.0> : tensor<4xf32>) epsilon(1.0) : tensor<4xf32>
  lrnn.output %n : tensor<4xf32>
}
)mlir");
  ASSERT_TRUE(interp);
  std::vector<double> u = {-1.5, 0.0, 0.75, 2.0}, out(4);
  interp->step(u, out);
  double factor[4] = {1.0, 2.0, -1.0, 0.5};
  for (int i = 0; i < 4; ++i) {
    double v = u[i];
    double relu = v > 0 ? v : 0;
    double sig = 1 / (1 + std::exp(-v));
    double gErf = 0.5 * v * (1 + std::erf(v / std::sqrt(2.0)));
    double gTanh =
        0.5 * v * (1 + std::tanh(std::sqrt(2 / M_PI) * (v + 0.044715 * v * v * v)));
    double c = (relu + sig + gErf * gTanh) * factor[i];
    double expected = (c - 0.5) / std::sqrt(3.0 + 1.0) * 2.0 + 1.0;
    EXPECT_NEAR(out[i], expected, 1e-6) << "element " << i;
  }
}

TEST_F(InterpreterTest, CReluUsesLexicographicOrder) {
  auto interp = load(R"mlir(
lrnn.model @m(%u: tensor<4xf32>) -> tensor<4xf32> {
  %vr, %vi = lrnn.complex_project %u re(dense<[[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [-1.0, 0.0, 0.0, 0.0]]> : tensor<4x4xf32>) im(dense<[[0.0, 1.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, -1.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]]> : tensor<4x4xf32>) : tensor<4xf32> -> tensor<4xf32>
  %xr, %xi = lrnn.diag_recurrence %vr, %vi lambda(dense<0.0> : tensor<4xf32>, dense<0.0> : tensor<4xf32>) : tensor<4xf32>
  %cr, %ci = lrnn.crelu %xr, %xi : tensor<4xf32>
  %y = lrnn.complex_readout %cr, %ci re(dense<[[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]> : tensor<4x4xf32>) im(dense<[[0.0, 0.0, 0.0, 0.0], [0.0, -1.0, 0.0, 0.0], [0.0, 0.0, -1.0, 0.0], [0.0, 0.0, 0.0, -1.0]]> : tensor<4x4xf32>) kappa(1.0) : tensor<4xf32> -> tensor<4xf32>
  lrnn.output %y : tensor<4xf32>
}
)mlir");
  ASSERT_TRUE(interp);
  // States: (1, 1) kept; (0, 1) kept (re == 0, im > 0); (0, -1) dropped;
  // (-1, 1) dropped. Outputs read re of state 0 and im of states 1..3.
  std::vector<double> out(4);
  interp->step({1.0, 1.0, 0.0, 0.0}, out);
  EXPECT_EQ(out[0], 1.0);
  EXPECT_EQ(out[1], 1.0);
  EXPECT_EQ(out[2], 0.0);
  EXPECT_EQ(out[3], 0.0);
}

TEST_F(InterpreterTest, SparseAndDenseWeightsAgree) {
  // The same matrix stored both ways must give identical results.
  std::vector<float> w = {0, 1.5f, 0, -2, 0, 0, 0, 0.25f, 3, 0, 0, 0};
  auto build = [&](double maxSparseDensity) {
    OpBuilder b(&context);
    auto type = [&](int64_t n) {
      return RankedTensorType::get({n}, b.getF32Type());
    };
    auto model = ModelOp::create(b, b.getUnknownLoc(), "m", type(4), type(3));
    b.setInsertionPointToStart(&model.getBodyBlock());
    Value y = ProjectOp::create(
        b, b.getUnknownLoc(), type(3), model.getInput(),
        buildWeight(&context, w, 3, 4, maxSparseDensity, "w"), ElementsAttr());
    OutputOp::create(b, b.getUnknownLoc(), y);
    return model;
  };
  ModelOp sparse = build(1.0), dense = build(-1.0);
  EXPECT_TRUE(isa<SparseMatrixAttr>(
      cast<ProjectOp>(sparse.getBodyBlock().front()).getWeight()));
  EXPECT_TRUE(isa<ElementsAttr>(
      cast<ProjectOp>(dense.getBodyBlock().front()).getWeight()));
  auto a = Interpreter::create(sparse), b = Interpreter::create(dense);
  ASSERT_TRUE(bool(a) && bool(b));
  std::vector<double> in = {1, 2, 3, 4}, outA(3), outB(3);
  (*a)->step(in, outA);
  (*b)->step(in, outB);
  EXPECT_EQ(outA, outB);
  EXPECT_EQ(outA, (std::vector<double>{3.0 - 8.0, 0.25 * 4, 3.0}));
  sparse->erase();
  dense->erase();
}

TEST_F(InterpreterTest, FusedOpsAndConstantTerms) {
  auto interp = load(R"mlir(
lrnn.model @m(%u: tensor<2xf32>) -> tensor<2xf32> {
  %a, %b = lrnn.fused_project %u weight(dense<[[1.0, 2.0], [0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]> : tensor<4x2xf32>) bias(dense<[0.0, 1.0, 2.0, 3.0]> : tensor<4xf32>) sizes [2, 2] : tensor<2xf32> -> tensor<2xf32>, tensor<2xf32>
  %vr, %vi = lrnn.complex_project %a re(dense<1.0> : tensor<2x2xf32>) im(dense<0.5> : tensor<2x2xf32>) bias_re(dense<1.0> : tensor<2xf32>) bias_im(dense<-1.0> : tensor<2xf32>) : tensor<2xf32> -> tensor<2xf32>
  %d = lrnn.scale %b by(dense<2.0> : tensor<2xf32>) bias(dense<0.5> : tensor<2xf32>) : tensor<2xf32>
  %e, %f = lrnn.elementwise (%vr, %vi, %d) : tensor<2xf32>, tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>, tensor<2xf32> {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %zero = arith.constant 0.0 : f32
    %s = arith.subf %x, %z : f32
    %r = arith.maximumf %s, %zero : f32
    %t = math.tanh %y : f32
    %c = arith.cmpf ogt, %x, %z : f32
    %m = arith.select %c, %t, %z : f32
    lrnn.yield %r, %m : f32, f32
  }
  %o = lrnn.add %e, %f : tensor<2xf32>
  lrnn.output %o : tensor<2xf32>
}
)mlir");
  ASSERT_TRUE(interp);
  std::vector<double> out(2);
  interp->step({1.0, -1.0}, out);
  // fused rows: a = (-1, 0), b = (3, 3); v = (0, 0) + (1, 1), (-0.5, -0.5)
  // - 1; d = 2 b + 0.5 = 6.5; e = max(1 - 6.5, 0) = 0; f = 1 > 6.5 ? .. : d.
  EXPECT_EQ(out[0], 0.0 + 6.5);
  EXPECT_EQ(out[1], 0.0 + 6.5);
  interp->step({10.0, 0.0}, out);
  // a = (10, 0), b = (12, 8); v_re = 11, v_im = 4; d = (24.5, 16.5).
  EXPECT_EQ(out[0], 0.0 + 24.5);
  EXPECT_EQ(out[1], 0.0 + 16.5);
}

TEST_F(InterpreterTest, RejectsForeignOps) {
  module = parseSourceString<ModuleOp>(R"mlir(
lrnn.model @m(%u: tensor<2xf32>) -> tensor<2xf32> {
  %c = tensor.empty() : tensor<2xf32>
  lrnn.output %c : tensor<2xf32>
}
)mlir",
                                       &context);
  ASSERT_TRUE(module);
  auto model = getSingleModel(*module, "test");
  ASSERT_TRUE(bool(model));
  auto interp = Interpreter::create(*model);
  ASSERT_FALSE(bool(interp));
  EXPECT_EQ(llvm::toString(interp.takeError()),
            "'tensor.empty' is not supported by the interpreter");
}

TEST_F(InterpreterTest, SingleModelRequired) {
  module = parseSourceString<ModuleOp>("module {}", &context);
  ASSERT_TRUE(module);
  auto model = getSingleModel(*module, "f.mlir");
  ASSERT_FALSE(bool(model));
  EXPECT_EQ(llvm::toString(model.takeError()),
            "f.mlir: expected exactly one lrnn.model, found 0");
}

/// A one-layer model in the interchange layout, for import tests.
SafetensorsFile tinyModelFile(const std::string &discretization) {
  SafetensorsFile file;
  file.metadata["lrnn.config"] =
      R"({"format": "lrnn-s5/1", "d_input": 1, "d_model": 1, "d_state": 1,
          "d_output": 1, "n_layers": 1, "conj_sym": false,
          "discretization": ")" +
      discretization + R"(", "norm": "none", "encoder_activation": "none",
          "activation": "relu", "state_activation": "none", "glu": "none",
          "residual_activation": "none"})";
  auto add = [&](const std::string &name, std::vector<int64_t> shape,
                 std::vector<double> values) {
    SafetensorsTensor t;
    t.name = name;
    t.shape = std::move(shape);
    t.values = std::move(values);
    file.tensors[name] = std::move(t);
  };
  add("encoder.weight", {1, 1}, {1.0});
  add("encoder.bias", {1}, {0.0});
  add("decoder.weight", {1, 1}, {1.0});
  add("decoder.bias", {1}, {0.0});
  add("layers.0.ssm.lambda_re", {1}, {-0.5});
  add("layers.0.ssm.lambda_im", {1}, {2.0});
  if (discretization != "none")
    add("layers.0.ssm.log_step", {1}, {std::log(0.1)});
  add("layers.0.ssm.B_re", {1, 1}, {1.0});
  add("layers.0.ssm.B_im", {1, 1}, {0.0});
  add("layers.0.ssm.C_re", {1, 1}, {1.0});
  add("layers.0.ssm.C_im", {1, 1}, {0.0});
  add("layers.0.ssm.D", {1}, {0.0});
  return file;
}

TEST_F(InterpreterTest, ZohDiscretisation) {
  // y_0 = relu(Re(B̄)) + 0 (residual of an input 1 through the encoder).
  for (const char *mode : {"zoh", "bilinear", "none"}) {
    auto module = importModel(tinyModelFile(mode), &context, "tiny");
    ASSERT_TRUE(bool(module)) << llvm::toString(module.takeError());
    auto model = getSingleModel(**module, "tiny");
    ASSERT_TRUE(bool(model));
    auto interp = Interpreter::create(*model);
    ASSERT_TRUE(bool(interp));
    std::complex<double> lambda(-0.5, 2.0), bBar;
    double delta = 0.1;
    if (std::string(mode) == "zoh")
      bBar = (std::exp(lambda * delta) - 1.0) / lambda;
    else if (std::string(mode) == "bilinear")
      bBar = delta / (1.0 - lambda * delta / 2.0);
    else
      bBar = 1.0;
    double out = 0;
    (*interp)->step({1.0}, {out});
    double expected = std::max(bBar.real(), 0.0) + 1.0;
    // Weights are stored as f32.
    EXPECT_NEAR(out, expected, 1e-6) << mode;
  }
}

TEST_F(InterpreterTest, ImportRejectsBadConfigValue) {
  SafetensorsFile file = tinyModelFile("zoh");
  file.metadata["lrnn.config"].replace(
      file.metadata["lrnn.config"].find("\"relu\""), 6, "\"tanh\"");
  auto module = importModel(file, &context, "bad.safetensors");
  ASSERT_FALSE(bool(module));
  EXPECT_EQ(llvm::toString(module.takeError()),
            "bad.safetensors: lrnn.config: key 'activation' must be one of "
            "relu, gelu, gelu_erf, got 'tanh'");
}

} // namespace
