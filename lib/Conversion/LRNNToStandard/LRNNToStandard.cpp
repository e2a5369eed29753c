//===- LRNNToStandard.cpp - lrnn models to func/memref/scf/vector ---------===//
//
// Each lrnn.model becomes NAME_step / NAME_reset over memrefs. The model body
// is walked in program order and every op emits its loops directly (a model
// is a straight-line program over fixed-size vectors, so no pattern
// machinery is needed): every SSA vector becomes a stack buffer, every weight
// a private constant global in the format its density and input call for.
// Quantised models follow docs/fixed-point.md exactly; every shift amount is
// a compile-time constant because exponents are part of the types.
//
//===----------------------------------------------------------------------===//

#include "lrnn/Conversion/Passes.h"
#include "lrnn/Analysis/CostModel.h"
#include "lrnn/Dialect/LRNN/IR/FixedPoint.h"
#include "lrnn/Dialect/LRNN/IR/LRNNWeights.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"

#include <cmath>

namespace lrnn {
#define GEN_PASS_DEF_CONVERTLRNNTOSTANDARD
#include "lrnn/Conversion/Passes.h.inc"
} // namespace lrnn

using namespace mlir;
using namespace lrnn;
using namespace lrnn::fixed;

int64_t lrnn::getCpuStateBytes(ModelOp model) {
  return 8 * model.getNumStates();
}

static int64_t vectorSize(Value value) {
  return cast<RankedTensorType>(value.getType()).getDimSize(0);
}

namespace {

enum class Format { Dense, CSR, CSC, SELL };

/// A CSC product costs about 2.6 CSR products (3.2 sliced-ELLPACK ones)
/// per visited non-zero on the machines measured (docs/cpu-backend.md):
/// columns pay off only when most of the input is zero.
constexpr double kMinZeroFractionForColumns = 0.7;

/// A weight matrix as it is stored for the generated code: row-major dense,
/// or compressed rows or columns.
struct StoredMatrix {
  Format format = Format::Dense;
  int64_t rows = 0, cols = 0;
  Value values;  ///< memref of values (dense: rows x cols).
  Value indices; ///< CSR: column of each value; CSC: row of each value.
  Value starts;  ///< CSR: rows + 1 offsets; CSC: cols + 1 offsets;
                 ///< SELL: slices + 1 offsets (in entries of one lane).
};

class ModelLowering {
public:
  ModelLowering(ModelOp model, double denseThreshold,
                unsigned vectorWidth, StringRef sparseFormat,
                const ActivationStats *stats)
      : model(model), denseThreshold(denseThreshold),
        vectorWidth(vectorWidth), sparseFormat(sparseFormat), stats(stats),
        ctx(model.getContext()), b(ctx), loc(model.getLoc()) {}

  LogicalResult run();

private:
  // Constants and types.
  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value i64(int64_t v) {
    return arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
  }
  Value f32(double v) {
    return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(float(v)));
  }
  Type valueType() {
    return fixedModel ? Type(b.getI32Type()) : Type(b.getF32Type());
  }

  /// A stack buffer of n elements.
  Value stackBuffer(int64_t n, Type type) {
    return memref::AllocaOp::create(b, loc, MemRefType::get({n}, type));
  }
  /// A private constant global holding `value`, and its address here.
  Value constant(DenseElementsAttr value, StringRef hint);
  Value constantF32(ArrayRef<float> values, StringRef hint) {
    auto type = RankedTensorType::get({int64_t(values.size())}, b.getF32Type());
    return constant(DenseElementsAttr::get(type, values), hint);
  }
  template <typename T>
  Value constantInt(ArrayRef<T> values, StringRef hint) {
    auto type = RankedTensorType::get({int64_t(values.size())},
                                      b.getIntegerType(sizeof(T) * 8));
    return constant(DenseElementsAttr::get(type, values), hint);
  }

  /// for i in [0, n): body(i).
  void forEach(Value lo, Value hi, function_ref<void(Value)> body) {
    scf::ForOp::create(b, loc, lo, hi, index(1), ValueRange(),
                       [&](OpBuilder &nested, Location, Value iv, ValueRange) {
                         OpBuilder::InsertionGuard guard(b);
                         b.setInsertionPoint(nested.getInsertionBlock(),
                                             nested.getInsertionPoint());
                         body(iv);
                         scf::YieldOp::create(b, loc);
                       });
  }
  void forEach(int64_t n, function_ref<void(Value)> body) {
    forEach(index(0), index(n), body);
  }
  Value load(Value memref, Value i) {
    return memref::LoadOp::create(b, loc, memref, ValueRange{i});
  }
  void store(Value v, Value memref, Value i) {
    memref::StoreOp::create(b, loc, v, memref, ValueRange{i});
  }
  /// Integer loads widen to i64 (codes and accumulators are computed in 64
  /// bits, docs/fixed-point.md §1).
  Value loadI64(Value memref, Value i) {
    Value v = load(memref, i);
    if (v.getType().isInteger(64))
      return v;
    return arith::ExtSIOp::create(b, loc, b.getI64Type(), v);
  }
  Value toIndex(Value v) {
    if (!v.getType().isIndex())
      v = arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
    return v;
  }

  // Weights.
  bool isActivationSparse(Value input);
  FailureOr<StoredMatrix> storeMatrix(Operation *op, const CsrMatrix &matrix,
                                      bool codes, double scale, Value input,
                                      StringRef hint);
  /// acc[r] += Σ_k W[r, k] x[k] (float: f32 acc; codes: i64 acc).
  void multiplyAccumulate(const StoredMatrix &m, Value x, Value acc,
                          bool codes);
  FailureOr<CsrMatrix> weight(Operation *op, Attribute attr) {
    auto m = readWeight(attr);
    if (failed(m))
      return op->emitOpError() << "weight data is unavailable";
    return m;
  }
  FailureOr<std::vector<double>> vectorOf(Operation *op, ElementsAttr attr) {
    if (attr.getElementType().isF32()) {
      auto v = readF32Elements(attr);
      if (succeeded(v))
        return std::vector<double>(v->begin(), v->end());
    } else if (auto v = readIntElements(attr); succeeded(v)) {
      return std::vector<double>(v->begin(), v->end());
    }
    return op->emitOpError() << "constant data is unavailable";
  }

  /// An optional constant vector (a bias): nullopt when absent.
  FailureOr<std::optional<std::vector<double>>>
  optionalVectorOf(Operation *op, ElementsAttr attr) {
    if (!attr)
      return std::optional<std::vector<double>>();
    auto v = vectorOf(op, attr);
    if (failed(v))
      return failure();
    return std::optional<std::vector<double>>(std::move(*v));
  }

  // Integer primitives with compile-time shifts (docs/fixed-point.md §3).
  Value rescale(Value x, int s);
  Value saturate(Value x, unsigned width);
  Value narrow(Value x, int s, unsigned width);
  Value clampI64(Value x, int64_t lo, int64_t hi) {
    Value v = arith::MaxSIOp::create(b, loc, x, i64(lo));
    return arith::MinSIOp::create(b, loc, v, i64(hi));
  }
  Value select(Value c, Value t, Value f) {
    return arith::SelectOp::create(b, loc, c, t, f);
  }
  Value cmpI(arith::CmpIPredicate p, Value x, Value y) {
    return arith::CmpIOp::create(b, loc, p, x, y);
  }

  // Ops.
  LogicalResult lowerOp(Operation *op);
  LogicalResult lowerFloatOp(Operation *op);
  LogicalResult lowerFixedOp(Operation *op);
  Value buffer(Value v) { return buffers.lookup(v); }
  Value define(Value v) {
    Value buf = stackBuffer(vectorSize(v), valueType());
    buffers[v] = buf;
    return buf;
  }
  /// Float projection: result = bias + W x.
  LogicalResult floatProjection(Operation *op, const CsrMatrix &w,
                                std::optional<std::vector<double>> bias,
                                Value input, Value result, StringRef hint);
  /// One matrix of a weight block, the sign it enters the accumulator
  /// with and the vector it multiplies.
  struct BlockPart {
    CsrMatrix matrix;
    int64_t sign;
    Value input;
  };
  /// Integer projection into an i64 accumulator initialised with the
  /// aligned bias, then narrowed into the result (§4.1, §4.5).
  LogicalResult fixedProjection(Operation *op, ArrayRef<BlockPart> parts,
                                int weightExp, ElementsAttr bias,
                                std::optional<int32_t> biasExp, Value result,
                                StringRef hint);
  Value lut(Value q, QLutOp op, Value table);

  ModelOp model;
  double denseThreshold;
  unsigned vectorWidth;
  StringRef sparseFormat;
  const ActivationStats *stats;
  /// The measured zero fraction of each value read by a projection.
  llvm::DenseMap<Value, double> zeroFraction;
  MLIRContext *ctx;
  OpBuilder b;
  Location loc;
  bool fixedModel = false;
  unsigned accumulatorBits = 0;
  std::string name;
  llvm::DenseMap<Value, Value> buffers;
  Value state;
  Operation *functionsStart = nullptr;
  int64_t stateOffset = 0;
  int64_t globalCount = 0;
};

} // namespace

Value ModelLowering::constant(DenseElementsAttr value, StringRef hint) {
  auto shaped = cast<ShapedType>(value.getType());
  auto type = MemRefType::get(shaped.getShape(), shaped.getElementType());
  std::string symbol =
      (name + "_" + hint + "_" + Twine(globalCount++)).str();
  {
    // Weights go before the functions that read them.
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(functionsStart);
    memref::GlobalOp::create(b, loc, symbol, b.getStringAttr("private"), type,
                             value, /*constant=*/true,
                             /*alignment=*/b.getI64IntegerAttr(64));
  }
  return memref::GetGlobalOp::create(b, loc, type, symbol);
}

//===----------------------------------------------------------------------===//
// Weights
//===----------------------------------------------------------------------===//

/// Whether most of `input`'s elements are typically zero: it is a ReLU
/// output, so a column-wise kernel that skips zero inputs pays off.
bool ModelLowering::isActivationSparse(Value input) {
  Operation *def = input.getDefiningOp();
  if (!def)
    return false;
  if (isa<ReluOp, CReluOp, QReluOp, QCReluOp>(def))
    return true;
  if (auto ew = dyn_cast<ElementwiseOp>(def)) {
    auto yield = cast<YieldOp>(ew.getBody().front().getTerminator());
    Value inner = yield.getOperand(cast<OpResult>(input).getResultNumber());
    if (auto max = inner.getDefiningOp<arith::MaximumFOp>()) {
      for (Value operand : max->getOperands())
        if (auto c = operand.getDefiningOp<arith::ConstantOp>())
          if (auto f = dyn_cast<FloatAttr>(c.getValue()); f && f.getValue().isZero())
            return true;
    }
  }
  return false;
}

FailureOr<StoredMatrix>
ModelLowering::storeMatrix(Operation *op, const CsrMatrix &m, bool codes,
                           double scale, Value input, StringRef hint) {
  StoredMatrix s;
  s.rows = m.rows;
  s.cols = m.cols;
  int64_t nnz = llvm::count_if(m.values, [](double v) { return v != 0.0; });
  double density = double(nnz) / double(m.rows * m.cols);
  auto emitValues = [&](ArrayRef<double> values, StringRef what) {
    if (codes) {
      std::vector<int8_t> q(values.begin(), values.end());
      return constantInt<int8_t>(q, what);
    }
    std::vector<float> v;
    v.reserve(values.size());
    for (double x : values)
      v.push_back(float(x * scale));
    return constantF32(v, what);
  };
  if (density > denseThreshold) {
    std::vector<double> dense(m.rows * m.cols, 0.0);
    for (int64_t r = 0; r < m.rows; ++r)
      for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k)
        dense[r * m.cols + m.colIndex[k]] = m.values[k];
    s.format = Format::Dense;
    s.values = emitValues(dense, (hint + "_dense").str());
    return s;
  }
  bool byColumn =
      sparseFormat == "csc" ||
      (sparseFormat == "auto" && isActivationSparse(input) &&
       zeroFraction.lookup(input) >= kMinZeroFractionForColumns);
  // Float rows go to the vector kernel unless CSR is asked for (integer
  // codes keep CSR: their 64-bit products do not gather well).
  if (!byColumn && sparseFormat != "csr" && !codes && vectorWidth > 1) {
    // Sliced ELLPACK: slices of `lanes` consecutive rows, each padded to
    // its longest row and stored column-slot-major, so that one vector
    // gather + FMA advances every row of the slice by one non-zero.
    int64_t lanes = vectorWidth;
    int64_t slices = (m.rows + lanes - 1) / lanes;
    // The stored non-zeros of each row (a dense attribute's CSR form also
    // holds its zeros).
    std::vector<std::vector<std::pair<int32_t, double>>> rowEntries(m.rows);
    for (int64_t r = 0; r < m.rows; ++r)
      for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k)
        if (m.values[k] != 0.0)
          rowEntries[r].push_back({m.colIndex[k], m.values[k]});
    std::vector<float> values;
    std::vector<int32_t> cols;
    std::vector<int32_t> starts{0};
    for (int64_t sl = 0; sl < slices; ++sl) {
      size_t width = 0;
      for (int64_t l = 0; l < lanes; ++l)
        if (sl * lanes + l < m.rows)
          width = std::max(width, rowEntries[sl * lanes + l].size());
      for (size_t j = 0; j < width; ++j)
        for (int64_t l = 0; l < lanes; ++l) {
          int64_t r = sl * lanes + l;
          bool real = r < m.rows && j < rowEntries[r].size();
          values.push_back(real ? float(rowEntries[r][j].second * scale) : 0.0f);
          cols.push_back(real ? rowEntries[r][j].first : 0);
        }
      starts.push_back(int32_t(values.size() / lanes));
    }
    if (values.empty()) {
      values.assign(lanes, 0.0f);
      cols.assign(lanes, 0);
    }
    s.format = Format::SELL;
    s.values = constantF32(values, (hint + "_sell").str());
    s.indices = constantInt<int32_t>(cols, (hint + "_idx").str());
    s.starts = constantInt<int32_t>(starts, (hint + "_ptr").str());
    return s;
  }
  // Compressed: by rows, or by columns when zero inputs should be skipped.
  s.format = byColumn ? Format::CSC : Format::CSR;
  int64_t outer = byColumn ? m.cols : m.rows;
  int64_t inner = byColumn ? m.rows : m.cols;
  std::vector<std::vector<std::pair<int64_t, double>>> lists(outer);
  for (int64_t r = 0; r < m.rows; ++r)
    for (int64_t k = m.rowStart[r]; k < m.rowStart[r + 1]; ++k)
      if (m.values[k] != 0.0) {
        int64_t c = m.colIndex[k];
        if (byColumn)
          lists[c].push_back({r, m.values[k]});
        else
          lists[r].push_back({c, m.values[k]});
      }
  std::vector<double> values;
  std::vector<int64_t> idx;
  std::vector<int32_t> starts{0};
  for (auto &list : lists) {
    for (auto [i, v] : list) {
      idx.push_back(i);
      values.push_back(v);
    }
    starts.push_back(int32_t(values.size()));
  }
  // An empty global would have no storage: keep one padding entry.
  if (values.empty()) {
    values.push_back(0.0);
    idx.push_back(0);
  }
  s.values = emitValues(values, (hint + (byColumn ? "_csc" : "_csr")).str());
  if (inner <= 65536) {
    std::vector<uint16_t> narrowIdx(idx.begin(), idx.end());
    std::vector<int16_t> asSigned(narrowIdx.begin(), narrowIdx.end());
    s.indices = constantInt<int16_t>(asSigned, (hint + "_idx").str());
  } else {
    std::vector<int32_t> wide(idx.begin(), idx.end());
    s.indices = constantInt<int32_t>(wide, (hint + "_idx").str());
  }
  s.starts = constantInt<int32_t>(starts, (hint + "_ptr").str());
  return s;
}

void ModelLowering::multiplyAccumulate(const StoredMatrix &m, Value x,
                                       Value acc, bool codes) {
  // Float products and sums may contract into FMAs (the CPU backend is
  // required to match the interpreter to 1e-5, not bit for bit).
  auto contract = arith::FastMathFlagsAttr::get(
      ctx, arith::FastMathFlags::contract | arith::FastMathFlags::reassoc);
  auto product = [&](Value w, Value xv) -> Value {
    if (!codes)
      return arith::MulFOp::create(b, loc, w, xv, contract);
    Value wi = arith::ExtSIOp::create(b, loc, b.getI64Type(), w);
    return arith::MulIOp::create(b, loc, wi, xv);
  };
  auto add = [&](Value a, Value c) -> Value {
    if (!codes)
      return arith::AddFOp::create(b, loc, a, c, contract);
    return arith::AddIOp::create(b, loc, a, c);
  };
  auto loadX = [&](Value i) { return codes ? loadI64(x, i) : load(x, i); };
  // The column index of a compressed entry: i16 stored unsigned.
  auto loadIndex = [&](Value k) -> Value {
    Value v = load(m.indices, k);
    if (v.getType().isInteger(16))
      v = arith::ExtUIOp::create(b, loc, b.getI32Type(), v);
    return toIndex(v);
  };
  auto loadStart = [&](Value i) { return toIndex(load(m.starts, i)); };
  Value zero = codes ? i64(0) : f32(0.0);

  if (m.format == Format::SELL) {
    int64_t lanes = vectorWidth;
    int64_t slices = (m.rows + lanes - 1) / lanes;
    auto vf = VectorType::get({lanes}, b.getF32Type());
    auto vi = VectorType::get({lanes}, b.getI32Type());
    auto vmask = VectorType::get({lanes}, b.getI1Type());
    Value allTrue = arith::ConstantOp::create(b, loc, vmask,
                                              DenseElementsAttr::get(vmask, true));
    Value vzero = arith::ConstantOp::create(b, loc, vf,
                                            DenseElementsAttr::get(vf, 0.0f));
    forEach(slices, [&](Value sl) {
      Value begin = loadStart(sl);
      Value end = loadStart(arith::AddIOp::create(b, loc, sl, index(1)));
      auto loop = scf::ForOp::create(b, loc, begin, end, index(1),
                                     ValueRange{vzero});
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(loop.getBody());
        Value at = arith::MulIOp::create(b, loc, loop.getInductionVar(),
                                         index(lanes));
        Value w = vector::LoadOp::create(b, loc, vf, m.values, ValueRange{at});
        Value cols = vector::LoadOp::create(b, loc, vi, m.indices, ValueRange{at});
        Value xs = vector::GatherOp::create(b, loc, vf, x, ValueRange{index(0)},
                                            cols, allTrue, vzero);
        Value fma = vector::FMAOp::create(b, loc, w, xs,
                                          loop.getRegionIterArgs()[0]);
        scf::YieldOp::create(b, loc, fma);
      }
      // Add each lane to its row (the last slice may be partial).
      Value base = arith::MulIOp::create(b, loc, sl, index(lanes));
      for (int64_t l = 0; l < lanes; ++l) {
        Value r = arith::AddIOp::create(b, loc, base, index(l));
        Value valid = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                            r, index(m.rows));
        auto ifOp = scf::IfOp::create(b, loc, valid, /*withElse=*/false);
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(&ifOp.getThenRegion().front());
        Value lane = vector::ExtractOp::create(b, loc, loop.getResult(0),
                                               ArrayRef<int64_t>{l});
        store(add(load(acc, r), lane), acc, r);
      }
    });
    return;
  }
  if (m.format == Format::CSC) {
    // Only non-zero inputs touch the matrix. Their columns are listed first
    // without branches (a ReLU output's zero pattern is unpredictable, so a
    // test-and-branch per column would mispredict half the time), then only
    // the listed columns are walked.
    Value list = stackBuffer(m.cols, b.getIndexType());
    auto scan = scf::ForOp::create(b, loc, index(0), index(m.cols), index(1),
                                   ValueRange{index(0)});
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(scan.getBody());
      Value c = scan.getInductionVar(), count = scan.getRegionIterArgs()[0];
      Value xv = loadX(c);
      Value nonZero =
          codes ? cmpI(arith::CmpIPredicate::ne, xv, zero)
                : Value(arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE,
                                              xv, zero));
      store(c, list, count);
      Value next = arith::AddIOp::create(
          b, loc, count, select(nonZero, index(1), index(0)));
      scf::YieldOp::create(b, loc, next);
    }
    forEach(index(0), scan.getResult(0), [&](Value j) {
      Value c = load(list, j);
      Value xv = loadX(c);
      Value next = arith::AddIOp::create(b, loc, c, index(1));
      forEach(loadStart(c), loadStart(next), [&](Value k) {
        Value r = loadIndex(k);
        Value sum = add(load(acc, r), product(load(m.values, k), xv));
        store(sum, acc, r);
      });
    });
    return;
  }
  forEach(m.rows, [&](Value r) {
    Value total;
    if (m.format == Format::CSR) {
      // Four partial sums break the dependency chain of one accumulator
      // (one FMA latency per non-zero), then a scalar tail.
      constexpr int64_t kChains = 4;
      Value begin = loadStart(r);
      Value end = loadStart(arith::AddIOp::create(b, loc, r, index(1)));
      Value length = arith::SubIOp::create(b, loc, end, begin);
      Value blocked = arith::AddIOp::create(
          b, loc, begin,
          arith::MulIOp::create(
              b, loc, arith::DivUIOp::create(b, loc, length, index(kChains)),
              index(kChains)));
      SmallVector<Value> zeros(kChains, zero);
      auto main = scf::ForOp::create(b, loc, begin, blocked, index(kChains),
                                     zeros);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(main.getBody());
        SmallVector<Value> sums;
        for (int64_t j = 0; j < kChains; ++j) {
          Value k = arith::AddIOp::create(b, loc, main.getInductionVar(),
                                          index(j));
          sums.push_back(add(main.getRegionIterArgs()[j],
                             product(load(m.values, k), loadX(loadIndex(k)))));
        }
        scf::YieldOp::create(b, loc, sums);
      }
      Value partial = add(add(main.getResult(0), main.getResult(1)),
                          add(main.getResult(2), main.getResult(3)));
      auto tail = scf::ForOp::create(b, loc, blocked, end, index(1),
                                     ValueRange{partial});
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(tail.getBody());
        Value k = tail.getInductionVar();
        Value sum = add(tail.getRegionIterArgs()[0],
                        product(load(m.values, k), loadX(loadIndex(k))));
        scf::YieldOp::create(b, loc, sum);
      }
      total = tail.getResult(0);
    } else {
      // Dense: row r of the row-major values.
      Value rowBase = arith::MulIOp::create(b, loc, r, index(m.cols));
      int64_t lanes = codes ? 1 : vectorWidth;
      int64_t vectorCols = lanes > 1 ? m.cols / lanes * lanes : 0;
      Value partial = zero;
      if (vectorCols > 0) {
        // Full vectors of `lanes` columns, fused multiply-add, one
        // reduction per row (float sums may be reassociated, §design).
        auto vecType = VectorType::get({lanes}, b.getF32Type());
        Value vzero = arith::ConstantOp::create(
            b, loc, vecType, DenseElementsAttr::get(vecType, 0.0f));
        auto loop = scf::ForOp::create(b, loc, index(0), index(vectorCols),
                                       index(lanes), ValueRange{vzero});
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(loop.getBody());
        Value c = loop.getInductionVar();
        Value at = arith::AddIOp::create(b, loc, rowBase, c);
        Value wv = vector::LoadOp::create(b, loc, vecType, m.values,
                                          ValueRange{at});
        Value xv = vector::LoadOp::create(b, loc, vecType, x, ValueRange{c});
        Value fma = vector::FMAOp::create(b, loc, wv, xv,
                                          loop.getRegionIterArgs()[0]);
        scf::YieldOp::create(b, loc, fma);
        b.setInsertionPointAfter(loop);
        partial = vector::ReductionOp::create(b, loc, vector::CombiningKind::ADD,
                                              loop.getResult(0));
      }
      auto loop = scf::ForOp::create(b, loc, index(vectorCols), index(m.cols),
                                     index(1), ValueRange{partial});
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(loop.getBody());
      Value c = loop.getInductionVar();
      Value at = arith::AddIOp::create(b, loc, rowBase, c);
      Value sum = add(loop.getRegionIterArgs()[0],
                      product(load(m.values, at), loadX(c)));
      scf::YieldOp::create(b, loc, sum);
      b.setInsertionPointAfter(loop);
      total = loop.getResult(0);
    }
    store(add(load(acc, r), total), acc, r);
  });
}

//===----------------------------------------------------------------------===//
// Integer primitives
//===----------------------------------------------------------------------===//

Value ModelLowering::rescale(Value x, int s) {
  if (s == 0)
    return x;
  if (s < 0)
    return arith::ShLIOp::create(b, loc, x, i64(std::min(-s, 62)));
  if (s >= 63)
    return i64(0);
  Value rounded = arith::AddIOp::create(b, loc, x, i64(int64_t(1) << (s - 1)));
  return arith::ShRSIOp::create(b, loc, rounded, i64(s));
}

Value ModelLowering::saturate(Value x, unsigned width) {
  int64_t m = maxCode(width);
  return clampI64(x, -m, m);
}

Value ModelLowering::narrow(Value x, int s, unsigned width) {
  if (s >= 0)
    return saturate(rescale(x, s), width);
  // x · 2^k saturated: clamping x to ±(lim + 1) first keeps the shift in
  // range and saturates exactly the values that would (§3.3).
  int k = std::min(-s, 62);
  int64_t limit = maxCode(width) >> k;
  Value clamped = clampI64(x, -limit - 1, limit + 1);
  return saturate(arith::ShLIOp::create(b, loc, clamped, i64(k)), width);
}

Value ModelLowering::lut(Value q, QLutOp op, Value table) {
  // docs/fixed-point.md §5 with every exponent known here.
  const int r = op.getRangeLog2(), k = op.getSegmentLog2();
  const int64_t n = int64_t(1) << (r + 1 + k);
  const int fMax = int(accumulatorBits) - 17;
  int ex = getFixedType(op.getInput()).getExponent();
  FixedType out = getFixedType(op.getResult());
  int f = ex - k;
  Value u = q;
  if (f > fMax) {
    u = rescale(q, f - fMax);
    f = fMax;
  } else if (f < 0) {
    int64_t limit = int64_t(2) << (r + k);
    int shift = -f;
    int64_t fits = shift >= 62 ? 0 : (limit >> shift);
    Value magnitude = arith::MaxSIOp::create(
        b, loc, q, arith::SubIOp::create(b, loc, i64(0), q));
    Value big = cmpI(arith::CmpIPredicate::sgt, magnitude, i64(fits));
    Value clamped = select(cmpI(arith::CmpIPredicate::sgt, q, i64(0)),
                           i64(limit), i64(-limit));
    Value shifted =
        arith::ShLIOp::create(b, loc, q, i64(std::min(shift, 62)));
    u = select(big, clamped, shifted);
    f = 0;
  }
  Value j = arith::ShRSIOp::create(b, loc, u, i64(f));
  Value d = arith::SubIOp::create(
      b, loc, u, arith::ShLIOp::create(b, loc, j, i64(f)));
  Value i = arith::AddIOp::create(b, loc, j, i64(int64_t(1) << (r + k)));
  Value below = cmpI(arith::CmpIPredicate::slt, i, i64(0));
  Value above = cmpI(arith::CmpIPredicate::sge, i, i64(n));
  Value inRange = toIndex(clampI64(i, 0, n - 1));
  Value v0 = loadI64(table, inRange);
  Value v1 =
      loadI64(table, arith::AddIOp::create(b, loc, inRange, index(1)));
  Value first = loadI64(table, index(0));
  Value last = loadI64(table, index(n));
  auto shl = [&](Value v) { return arith::ShLIOp::create(b, loc, v, i64(f)); };
  Value mid = arith::AddIOp::create(
      b, loc, shl(v0),
      arith::MulIOp::create(b, loc, arith::SubIOp::create(b, loc, v1, v0), d));
  Value t = select(below, shl(first), select(above, shl(last), mid));
  Value y = narrow(t, op.getNodeExp() + f - out.getExponent(), out.getWidth());
  if (op.getFunction() != LutFunction::Sigmoid)
    y = select(above, narrow(q, ex - out.getExponent(), out.getWidth()), y);
  return y;
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

LogicalResult
ModelLowering::floatProjection(Operation *op, const CsrMatrix &w,
                               std::optional<std::vector<double>> bias,
                               Value input, Value result, StringRef hint) {
  auto stored = storeMatrix(op, w, /*codes=*/false, 1.0, input, hint);
  if (failed(stored))
    return failure();
  if (bias) {
    std::vector<float> b32(bias->begin(), bias->end());
    Value biasBuf = constantF32(b32, (hint + "_bias").str());
    forEach(w.rows, [&](Value r) { store(load(biasBuf, r), result, r); });
  } else {
    Value zero = f32(0.0);
    forEach(w.rows, [&](Value r) { store(zero, result, r); });
  }
  multiplyAccumulate(*stored, buffer(input), result, /*codes=*/false);
  return success();
}

LogicalResult ModelLowering::fixedProjection(
    Operation *op, ArrayRef<BlockPart> parts, int weightExp,
    ElementsAttr bias, std::optional<int32_t> biasExp, Value result,
    StringRef hint) {
  int64_t rows = parts.front().matrix.rows;
  FixedType in = getFixedType(parts.front().input), out = getFixedType(result);
  int eAcc = weightExp + in.getExponent();
  Value acc = stackBuffer(rows, b.getI64Type());
  if (bias) {
    auto codes = readIntElements(bias);
    if (failed(codes))
      return op->emitOpError() << "bias data is unavailable";
    std::vector<int64_t> aligned(rows);
    for (int64_t r = 0; r < rows; ++r)
      aligned[r] = (*codes)[r] * (int64_t(1) << (eAcc - *biasExp));
    Value biasBuf = constantInt<int64_t>(aligned, (hint + "_bias").str());
    forEach(rows, [&](Value r) { store(load(biasBuf, r), acc, r); });
  } else {
    Value zero = i64(0);
    forEach(rows, [&](Value r) { store(zero, acc, r); });
  }
  for (auto [i, part] : llvm::enumerate(parts)) {
    CsrMatrix m = part.matrix;
    for (double &v : m.values)
      v *= double(part.sign); // codes are symmetric: negation is exact
    auto stored = storeMatrix(op, m, /*codes=*/true, 1.0, part.input,
                              (hint + Twine(i)).str());
    if (failed(stored))
      return failure();
    multiplyAccumulate(*stored, buffer(part.input), acc, /*codes=*/true);
  }
  Value res = buffer(result);
  forEach(rows, [&](Value r) {
    Value y = narrow(load(acc, r), eAcc - out.getExponent(), out.getWidth());
    store(arith::TruncIOp::create(b, loc, b.getI32Type(), y), res, r);
  });
  return success();
}

LogicalResult ModelLowering::lowerFloatOp(Operation *op) {
  auto unary = [&](Value in, Value outV, auto fn) {
    Value x = buffer(in), y = define(outV);
    forEach(vectorSize(in), [&](Value i) { store(fn(load(x, i)), y, i); });
    return success();
  };
  if (auto p = dyn_cast<ProjectOp>(op)) {
    auto w = weight(op, p.getWeight());
    auto bias = optionalVectorOf(op, p.getBiasAttr());
    if (failed(w) || failed(bias))
      return failure();
    return floatProjection(op, *w, *bias, p.getInput(), define(p.getResult()),
                           "w");
  }
  if (auto p = dyn_cast<FusedProjectOp>(op)) {
    auto w = weight(op, p.getWeight());
    auto bias = optionalVectorOf(op, p.getBiasAttr());
    if (failed(w) || failed(bias))
      return failure();
    int64_t start = 0;
    for (Value result : p.getResults()) {
      int64_t size = vectorSize(result);
      CsrMatrix piece;
      piece.rows = size;
      piece.cols = w->cols;
      piece.rowStart.push_back(0);
      for (int64_t r = start; r < start + size; ++r) {
        for (int64_t k = w->rowStart[r]; k < w->rowStart[r + 1]; ++k) {
          piece.colIndex.push_back(w->colIndex[k]);
          piece.values.push_back(w->values[k]);
        }
        piece.rowStart.push_back(int64_t(piece.values.size()));
      }
      std::optional<std::vector<double>> pieceBias;
      if (*bias)
        pieceBias.emplace((*bias)->begin() + start,
                          (*bias)->begin() + start + size);
      if (failed(floatProjection(op, piece, pieceBias, p.getInput(),
                                 define(result), "fw")))
        return failure();
      start += size;
    }
    return success();
  }
  if (auto p = dyn_cast<ComplexProjectOp>(op)) {
    for (auto [attr, biasAttr, result] :
         {std::tuple{p.getWeightRe(), p.getBiasReAttr(), p.getReal()},
          {p.getWeightIm(), p.getBiasImAttr(), p.getImag()}}) {
      auto w = weight(op, attr);
      auto bias = optionalVectorOf(op, biasAttr);
      if (failed(w) || failed(bias))
        return failure();
      if (failed(floatProjection(op, *w, *bias, p.getInput(), define(result),
                                 "b")))
        return failure();
    }
    return success();
  }
  if (auto p = dyn_cast<ComplexReadoutOp>(op)) {
    auto re = weight(op, p.getWeightRe());
    auto im = weight(op, p.getWeightIm());
    if (failed(re) || failed(im))
      return failure();
    double kappa = p.getKappa().convertToDouble();
    Value result = define(p.getResult());
    Value zero = f32(0.0);
    forEach(re->rows, [&](Value r) { store(zero, result, r); });
    // κ and the minus sign of Re(C x) = C_re x_re - C_im x_im are folded into
    // the stored weights.
    auto sre = storeMatrix(op, *re, false, kappa, p.getReal(), "c");
    auto sim = storeMatrix(op, *im, false, -kappa, p.getImag(), "c");
    if (failed(sre) || failed(sim))
      return failure();
    multiplyAccumulate(*sre, buffer(p.getReal()), result, false);
    multiplyAccumulate(*sim, buffer(p.getImag()), result, false);
    return success();
  }
  if (auto p = dyn_cast<DiagRecurrenceOp>(op)) {
    auto lr = vectorOf(op, p.getLambdaRe());
    auto li = vectorOf(op, p.getLambdaIm());
    if (failed(lr) || failed(li))
      return failure();
    int64_t n = vectorSize(p.getInputRe());
    std::vector<float> lr32(lr->begin(), lr->end()), li32(li->begin(), li->end());
    Value lre = constantF32(lr32, "lambda_re"), lim = constantF32(li32, "lambda_im");
    Value vr = buffer(p.getInputRe()), vi = buffer(p.getInputIm());
    Value xr = define(p.getStateRe()), xi = define(p.getStateIm());
    int64_t offset = stateOffset;
    stateOffset += 2 * n;
    forEach(n, [&](Value k) {
      Value kr = arith::AddIOp::create(b, loc, k, index(offset));
      Value ki = arith::AddIOp::create(b, loc, k, index(offset + n));
      Value sr = load(state, kr), si = load(state, ki);
      Value a = load(lre, k), c = load(lim, k);
      auto mul = [&](Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); };
      Value re = arith::AddFOp::create(
          b, loc, arith::SubFOp::create(b, loc, mul(a, sr), mul(c, si)),
          load(vr, k));
      Value im = arith::AddFOp::create(
          b, loc, arith::AddFOp::create(b, loc, mul(a, si), mul(c, sr)),
          load(vi, k));
      store(re, state, kr);
      store(im, state, ki);
      store(re, xr, k);
      store(im, xi, k);
    });
    return success();
  }
  if (auto p = dyn_cast<CReluOp>(op)) {
    Value re = buffer(p.getReal()), im = buffer(p.getImag());
    Value yr = define(p.getResultRe()), yi = define(p.getResultIm());
    Value zero = f32(0.0);
    forEach(vectorSize(p.getReal()), [&](Value i) {
      Value r = load(re, i), m = load(im, i);
      auto cmp = [&](arith::CmpFPredicate pred, Value x) {
        return arith::CmpFOp::create(b, loc, pred, x, zero);
      };
      Value keep = arith::OrIOp::create(
          b, loc, cmp(arith::CmpFPredicate::OGT, r),
          arith::AndIOp::create(b, loc, cmp(arith::CmpFPredicate::OEQ, r),
                                cmp(arith::CmpFPredicate::OGT, m)));
      store(select(keep, r, zero), yr, i);
      store(select(keep, m, zero), yi, i);
    });
    return success();
  }
  if (auto p = dyn_cast<ReluOp>(op)) {
    Value zero = f32(0.0);
    return unary(p.getInput(), p.getResult(), [&](Value x) -> Value {
      return arith::MaximumFOp::create(b, loc, x, zero);
    });
  }
  if (auto p = dyn_cast<SigmoidOp>(op)) {
    Value one = f32(1.0);
    return unary(p.getInput(), p.getResult(), [&](Value x) -> Value {
      Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
      return arith::DivFOp::create(b, loc, one,
                                   arith::AddFOp::create(b, loc, one, e));
    });
  }
  if (auto p = dyn_cast<GeluOp>(op)) {
    bool tanhForm = p.getApproximation() == GeluApproximation::Tanh;
    Value half = f32(0.5), one = f32(1.0);
    Value c1 = f32(tanhForm ? std::sqrt(2.0 / M_PI) : 1.0 / std::sqrt(2.0));
    Value c3 = f32(0.044715);
    return unary(p.getInput(), p.getResult(), [&](Value x) -> Value {
      Value inner;
      if (tanhForm) {
        Value x3 = arith::MulFOp::create(b, loc, x,
                                         arith::MulFOp::create(b, loc, x, x));
        Value s = arith::AddFOp::create(b, loc, x,
                                        arith::MulFOp::create(b, loc, c3, x3));
        inner = math::TanhOp::create(b, loc, arith::MulFOp::create(b, loc, c1, s));
      } else {
        inner = math::ErfOp::create(b, loc, arith::MulFOp::create(b, loc, c1, x));
      }
      Value hx = arith::MulFOp::create(b, loc, half, x);
      return arith::MulFOp::create(b, loc, hx,
                                   arith::AddFOp::create(b, loc, one, inner));
    });
  }
  if (isa<AddOp, MulOp>(op)) {
    Value l = buffer(op->getOperand(0)), r = buffer(op->getOperand(1));
    Value y = define(op->getResult(0));
    bool isAdd = isa<AddOp>(op);
    forEach(vectorSize(op->getResult(0)), [&](Value i) {
      Value a = load(l, i), c = load(r, i);
      Value v = isAdd ? Value(arith::AddFOp::create(b, loc, a, c))
                      : Value(arith::MulFOp::create(b, loc, a, c));
      store(v, y, i);
    });
    return success();
  }
  // D ⊙ z + c, and a batchnorm as the affine map it equals.
  std::vector<double> factor, offset;
  Value scaleInput;
  if (auto p = dyn_cast<ScaleOp>(op)) {
    auto f = vectorOf(op, p.getFactor());
    if (failed(f))
      return failure();
    factor = *f;
    offset.assign(factor.size(), 0.0);
    if (p.getBiasAttr()) {
      auto c = vectorOf(op, p.getBiasAttr());
      if (failed(c))
        return failure();
      offset = *c;
    }
    scaleInput = p.getInput();
  } else if (auto p = dyn_cast<BatchNormOp>(op)) {
    if (failed(p.getAffineMap(factor, offset)))
      return op->emitOpError() << "constant data is unavailable";
    scaleInput = p.getInput();
  }
  if (scaleInput) {
    std::vector<float> f32s(factor.begin(), factor.end()),
        c32(offset.begin(), offset.end());
    Value fb = constantF32(f32s, "scale"), cb = constantF32(c32, "shift");
    Value x = buffer(scaleInput), y = define(op->getResult(0));
    forEach(int64_t(factor.size()), [&](Value i) {
      Value v = arith::MulFOp::create(b, loc, load(fb, i), load(x, i));
      store(arith::AddFOp::create(b, loc, v, load(cb, i)), y, i);
    });
    return success();
  }
  if (auto ew = dyn_cast<ElementwiseOp>(op)) {
    SmallVector<Value> ins, outs;
    for (Value v : ew.getInputs())
      ins.push_back(buffer(v));
    for (Value v : ew.getResults())
      outs.push_back(define(v));
    Block &body = ew.getBody().front();
    forEach(vectorSize(ew.getResult(0)), [&](Value i) {
      IRMapping map;
      for (auto [arg, buf] : llvm::zip(body.getArguments(), ins))
        map.map(arg, load(buf, i));
      for (Operation &inner : body.without_terminator())
        b.clone(inner, map);
      for (auto [v, buf] :
           llvm::zip(body.getTerminator()->getOperands(), outs))
        store(map.lookupOrDefault(v), buf, i);
    });
    return success();
  }
  return op->emitOpError() << "cannot be lowered to the CPU";
}

LogicalResult ModelLowering::lowerFixedOp(Operation *op) {
  auto fixedOf = [](Value v) { return getFixedType(v); };
  if (auto p = dyn_cast<QProjectOp>(op)) {
    auto w = weight(op, p.getWeight());
    if (failed(w))
      return failure();
    define(p.getResult());
    return fixedProjection(op, {BlockPart{*w, 1, p.getInput()}},
                           p.getWeightExp(), p.getBiasAttr(), p.getBiasExp(),
                           p.getResult(), "qw");
  }
  if (auto p = dyn_cast<QComplexProjectOp>(op)) {
    auto re = weight(op, p.getWeightRe());
    auto im = weight(op, p.getWeightIm());
    if (failed(re) || failed(im))
      return failure();
    define(p.getReal());
    define(p.getImag());
    if (failed(fixedProjection(op, {BlockPart{*re, 1, p.getInput()}},
                               p.getWeightReExp(), p.getBiasReAttr(),
                               p.getBiasReExp(), p.getReal(), "qb")))
      return failure();
    return fixedProjection(op, {BlockPart{*im, 1, p.getInput()}},
                           p.getWeightImExp(), p.getBiasImAttr(),
                           p.getBiasImExp(), p.getImag(), "qb");
  }
  if (auto p = dyn_cast<QComplexReadoutOp>(op)) {
    auto re = weight(op, p.getWeightRe());
    auto im = weight(op, p.getWeightIm());
    if (failed(re) || failed(im))
      return failure();
    define(p.getResult());
    // One accumulator: Σ W_re x_re + Σ (-W_im) x_im (§4.5).
    return fixedProjection(op,
                           {BlockPart{*re, 1, p.getReal()},
                            BlockPart{*im, -1, p.getImag()}},
                           p.getWeightExp(), nullptr, std::nullopt,
                           p.getResult(), "qc");
  }
  if (auto p = dyn_cast<QScaleOp>(op)) {
    auto factor = readIntElements(p.getFactor());
    if (failed(factor))
      return op->emitOpError() << "factor data is unavailable";
    int64_t n = vectorSize(p.getInput());
    FixedType in = fixedOf(p.getInput()), out = fixedOf(p.getResult());
    int eAcc = p.getFactorExp() + in.getExponent();
    std::vector<int64_t> aligned(n, 0);
    if (p.getBiasAttr()) {
      auto codes = readIntElements(p.getBiasAttr());
      if (failed(codes))
        return op->emitOpError() << "bias data is unavailable";
      for (int64_t k = 0; k < n; ++k)
        aligned[k] = (*codes)[k] * (int64_t(1) << (eAcc - *p.getBiasExp()));
    }
    Value fb = constantInt<int64_t>(*factor, "qscale");
    Value cb = constantInt<int64_t>(aligned, "qshift");
    Value x = buffer(p.getInput()), y = define(p.getResult());
    forEach(n, [&](Value k) {
      Value acc = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, load(fb, k), loadI64(x, k)),
          load(cb, k));
      Value v = narrow(acc, eAcc - out.getExponent(), out.getWidth());
      store(arith::TruncIOp::create(b, loc, b.getI32Type(), v), y, k);
    });
    return success();
  }
  if (auto p = dyn_cast<QDiagRecurrenceOp>(op)) {
    auto lr = readIntElements(p.getLambdaRe());
    auto li = readIntElements(p.getLambdaIm());
    if (failed(lr) || failed(li))
      return op->emitOpError() << "lambda data is unavailable";
    int64_t n = vectorSize(p.getInputRe());
    FixedType v = fixedOf(p.getInputRe()), x = fixedOf(p.getStateRe());
    int eL = p.getLambdaExp();
    Value lre = constantInt<int64_t>(*lr, "qlambda_re");
    Value lim = constantInt<int64_t>(*li, "qlambda_im");
    Value vr = buffer(p.getInputRe()), vi = buffer(p.getInputIm());
    Value xr = define(p.getStateRe()), xi = define(p.getStateIm());
    int64_t offset = stateOffset;
    stateOffset += 2 * n;
    forEach(n, [&](Value k) {
      Value kr = arith::AddIOp::create(b, loc, k, index(offset));
      Value ki = arith::AddIOp::create(b, loc, k, index(offset + n));
      Value sr = loadI64(state, kr), si = loadI64(state, ki);
      Value a = load(lre, k), c = load(lim, k);
      auto term = [&](Value l, Value s) {
        return rescale(arith::MulIOp::create(b, loc, l, s), eL);
      };
      Value ar = rescale(loadI64(vr, k), v.getExponent() - x.getExponent());
      Value ai = rescale(loadI64(vi, k), v.getExponent() - x.getExponent());
      Value re = arith::AddIOp::create(
          b, loc, arith::SubIOp::create(b, loc, term(a, sr), term(c, si)), ar);
      Value im = arith::AddIOp::create(
          b, loc, arith::AddIOp::create(b, loc, term(a, si), term(c, sr)), ai);
      Value nr = arith::TruncIOp::create(b, loc, b.getI32Type(),
                                         saturate(re, x.getWidth()));
      Value ni = arith::TruncIOp::create(b, loc, b.getI32Type(),
                                         saturate(im, x.getWidth()));
      store(nr, state, kr);
      store(ni, state, ki);
      store(nr, xr, k);
      store(ni, xi, k);
    });
    return success();
  }
  if (auto p = dyn_cast<QCReluOp>(op)) {
    Value re = buffer(p.getReal()), im = buffer(p.getImag());
    Value yr = define(p.getResultRe()), yi = define(p.getResultIm());
    Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
    forEach(vectorSize(p.getReal()), [&](Value i) {
      Value r = load(re, i), m = load(im, i);
      Value keep = arith::OrIOp::create(
          b, loc, cmpI(arith::CmpIPredicate::sgt, r, zero),
          arith::AndIOp::create(b, loc, cmpI(arith::CmpIPredicate::eq, r, zero),
                                cmpI(arith::CmpIPredicate::sgt, m, zero)));
      store(select(keep, r, zero), yr, i);
      store(select(keep, m, zero), yi, i);
    });
    return success();
  }
  if (auto p = dyn_cast<QReluOp>(op)) {
    Value x = buffer(p.getInput()), y = define(p.getResult());
    Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
    forEach(vectorSize(p.getInput()), [&](Value i) {
      store(arith::MaxSIOp::create(b, loc, load(x, i), zero), y, i);
    });
    return success();
  }
  if (isa<QAddOp, QMulOp>(op)) {
    FixedType fa = fixedOf(op->getOperand(0)), fb = fixedOf(op->getOperand(1));
    FixedType out = fixedOf(op->getResult(0));
    Value l = buffer(op->getOperand(0)), r = buffer(op->getOperand(1));
    Value y = define(op->getResult(0));
    bool isAdd = isa<QAddOp>(op);
    int em = addExponent(fa.getExponent(), fb.getExponent(),
                         std::max(fa.getWidth(), fb.getWidth()),
                         accumulatorBits);
    forEach(vectorSize(op->getResult(0)), [&](Value i) {
      Value a = loadI64(l, i), c = loadI64(r, i), v;
      if (isAdd) {
        Value acc = arith::AddIOp::create(b, loc,
                                          rescale(a, fa.getExponent() - em),
                                          rescale(c, fb.getExponent() - em));
        v = narrow(acc, em - out.getExponent(), out.getWidth());
      } else {
        v = narrow(arith::MulIOp::create(b, loc, a, c),
                   fa.getExponent() + fb.getExponent() - out.getExponent(),
                   out.getWidth());
      }
      store(arith::TruncIOp::create(b, loc, b.getI32Type(), v), y, i);
    });
    return success();
  }
  if (auto p = dyn_cast<QLutOp>(op)) {
    auto nodes = readIntElements(p.getNodes());
    if (failed(nodes))
      return op->emitOpError() << "table data is unavailable";
    Value table = constantInt<int64_t>(*nodes, "lut");
    Value x = buffer(p.getInput()), y = define(p.getResult());
    forEach(vectorSize(p.getInput()), [&](Value i) {
      Value v = lut(loadI64(x, i), p, table);
      store(arith::TruncIOp::create(b, loc, b.getI32Type(), v), y, i);
    });
    return success();
  }
  return op->emitOpError() << "cannot be lowered to the CPU";
}

LogicalResult ModelLowering::run() {
  name = model.getSymName().str();
  if (stats)
    for (auto [op, opStats] : llvm::zip(model.getBodyBlock(), stats->ops))
      for (auto [operand, operandStats] :
           llvm::zip(op.getOperands(), opStats.operands))
        zeroFraction[operand] = operandStats.zeroFraction;
  fixedModel = isa<FixedType>(model.getInputType().getElementType());
  if (fixedModel)
    accumulatorBits = *model.getAccumulatorBits();
  int64_t inSize = model.getInputType().getDimSize(0);
  int64_t outSize = model.getOutputType().getDimSize(0);
  int64_t stateElements = 2 * model.getNumStates();
  auto f32Type = b.getF32Type();
  auto stateType = MemRefType::get({stateElements}, valueType());
  auto inType = MemRefType::get({inSize}, f32Type);
  auto outType = MemRefType::get({outSize}, f32Type);

  b.setInsertionPoint(model);
  // Sizes for the C header and for NAME_step_batch.
  for (auto [suffix, value] :
       {std::pair{"_state_bytes", getCpuStateBytes(model)},
        {"_input_size", inSize},
        {"_output_size", outSize}})
    LLVM::GlobalOp::create(b, loc, b.getI64Type(), /*isConstant=*/true,
                           LLVM::Linkage::External, name + suffix,
                           b.getI64IntegerAttr(value));

  auto reset = func::FuncOp::create(b, loc, name + "_reset",
                                    b.getFunctionType({stateType}, {}));
  functionsStart = reset;
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(reset.addEntryBlock());
    Value zero = fixedModel
                     ? Value(arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0)))
                     : f32(0.0);
    Value st = reset.getArgument(0);
    forEach(stateElements, [&](Value i) { store(zero, st, i); });
    func::ReturnOp::create(b, loc);
  }

  auto step = func::FuncOp::create(
      b, loc, name + "_step", b.getFunctionType({stateType, inType, outType}, {}));
  step->setAttr(kStepEntryAttrName,
                b.getDictionaryAttr(
                    {b.getNamedAttr("state_bytes",
                                    b.getI64IntegerAttr(getCpuStateBytes(model))),
                     b.getNamedAttr("input_size", b.getI64IntegerAttr(inSize)),
                     b.getNamedAttr("output_size", b.getI64IntegerAttr(outSize))}));
  Block *entry = step.addEntryBlock();
  b.setInsertionPointToStart(entry);
  state = step.getArgument(0);
  Value in = step.getArgument(1), out = step.getArgument(2);

  // The model input: used in place (float) or quantised (§6).
  Value input = model.getInput();
  if (!fixedModel) {
    buffers[input] = in;
  } else {
    FixedType t = getFixedType(input);
    Value codes = define(input);
    double m = double(t.getMaxCode());
    Value scale = arith::ConstantOp::create(
        b, loc, b.getF64FloatAttr(std::ldexp(1.0, t.getExponent())));
    Value limit = arith::ConstantOp::create(b, loc, b.getF64FloatAttr(m + 1.0));
    Value negLimit =
        arith::ConstantOp::create(b, loc, b.getF64FloatAttr(-(m + 1.0)));
    forEach(inSize, [&](Value i) {
      Value u = arith::ExtFOp::create(b, loc, b.getF64Type(), load(in, i));
      Value y = arith::MulFOp::create(b, loc, u, scale); // exact
      y = arith::MinimumFOp::create(
          b, loc, arith::MaximumFOp::create(b, loc, y, negLimit), limit);
      Value q = arith::FPToSIOp::create(b, loc, b.getI64Type(),
                                        math::RoundOp::create(b, loc, y));
      store(arith::TruncIOp::create(b, loc, b.getI32Type(),
                                    saturate(q, t.getWidth())),
            codes, i);
    });
  }

  for (Operation &op : model.getBodyBlock()) {
    if (auto output = dyn_cast<OutputOp>(op)) {
      Value result = buffer(output.getValue());
      if (!fixedModel) {
        forEach(outSize, [&](Value i) { store(load(result, i), out, i); });
      } else {
        // Dequantise: float(q) · 2^-e, exact (§6).
        FixedType t = getFixedType(output.getValue());
        Value scale = f32(std::ldexp(1.0, -t.getExponent()));
        forEach(outSize, [&](Value i) {
          Value q = arith::SIToFPOp::create(b, loc, f32Type, load(result, i));
          store(arith::MulFOp::create(b, loc, q, scale), out, i);
        });
      }
      continue;
    }
    loc = op.getLoc();
    if (failed(fixedModel ? lowerFixedOp(&op) : lowerFloatOp(&op)))
      return failure();
    loc = model.getLoc();
  }
  func::ReturnOp::create(b, loc);
  model.erase();
  return success();
}

namespace {
struct ConvertLRNNToStandardPass
    : public lrnn::impl::ConvertLRNNToStandardBase<ConvertLRNNToStandardPass> {
  using ConvertLRNNToStandardBase::ConvertLRNNToStandardBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (vectorWidth == 0 || (vectorWidth & (vectorWidth - 1)) ||
        vectorWidth > 64) {
      module.emitError() << "convert-lrnn-to-std: vector-width must be a "
                            "power of two in [1, 64], got "
                         << unsigned(vectorWidth);
      return signalPassFailure();
    }
    if (sparseFormat != "auto" && sparseFormat != "csr" && sparseFormat != "csc" &&
        sparseFormat != "sell") {
      module.emitError() << "convert-lrnn-to-std: sparse-format must be auto, "
                            "csr, csc or sell, got '"
                         << sparseFormat << "'";
      return signalPassFailure();
    }
    auto models = llvm::to_vector(module.getOps<ModelOp>());
    std::optional<ActivationStats> stats;
    if (!activationStats.empty()) {
      auto read = readActivationStats(activationStats);
      llvm::Error err = read ? llvm::Error::success() : read.takeError();
      if (!err && models.size() != 1)
        err = llvm::createStringError(activationStats +
                                      ": activation statistics need a module "
                                      "with exactly one lrnn.model");
      if (!err)
        err = checkActivationStats(*read, models.front(), activationStats);
      if (err) {
        module.emitError() << "convert-lrnn-to-std: "
                           << llvm::toString(std::move(err));
        return signalPassFailure();
      }
      stats = std::move(*read);
    }
    for (ModelOp model : models)
      if (failed(ModelLowering(model, denseThreshold, vectorWidth,
                               sparseFormat, stats ? &*stats : nullptr)
                     .run()))
        return signalPassFailure();
  }
};
} // namespace
