# Entry points for people and CI. Every target installs missing Debian
# packages first, so a fresh Debian 12 machine needs nothing else.
JOBS ?= $(shell nproc)
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
CMAKE_FLAGS ?=

.PHONY: all deps build run test test-release test-asan bench format tidy clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Serves the web finder and the API on the bundled directory; the database is
# created from it on first use. LISTEN=[::1]:8080 or another port changes the address.
# Builds the ngodesk binary only: the tests, fuzz targets and benchmarks
# would double the first build and are built by `make test`.
LISTEN ?= 127.0.0.1:8080
run: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS) --target ngodesk
	$(BUILD_DIR)/ngodesk serve --listen $(LISTEN)

test: deps
	$(MAKE) test-release
	$(MAKE) test-asan

test-release: build
	tests/js/install.sh
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# AddressSanitizer and UndefinedBehaviorSanitizer build of everything, the
# fuzz corpora included, with any sanitizer report failing the test.
test-asan: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DNGODESK_SANITIZE=ON -DNGODESK_BENCHMARKS=OFF $(CMAKE_FLAGS)
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) -LE no-sanitizer

bench: build
	bench/run.sh $(BUILD_DIR)

format:
	find include src tests bench fuzz -name '*.h' -o -name '*.cc' | xargs clang-format -i

tidy: $(BUILD_DIR)/CMakeCache.txt
	run-clang-tidy -p $(BUILD_DIR) -quiet 'src/.*'

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
