# Zhaoshang build. `make run` serves the demo; `make test` runs every test in a
# gcc release build and again in a clang AddressSanitizer+UBSan build.
# O selects the build directory; SANITIZE=1 adds the sanitizers.

O ?= build/release
CC ?= cc
SANITIZE ?= 0

PKGS := libmicrohttpd sqlite3 libsodium jansson icu-uc icu-i18n zlib libbrotlienc
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wformat=2
CFLAGS_BASE := -std=c17 -D_GNU_SOURCE -g $(WARN) -Isrc -MMD -MP
ifeq ($(SANITIZE),1)
  OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
else ifeq ($(SANITIZE),fuzz)
  OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all
else
  OPT := -O2
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = $(CFLAGS_BASE) $(OPT) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(OPT) $(LDFLAGS)
LIBS = $(PKG_LIBS) -lpthread
# Tests and fuzz drivers also decompress what the server compressed.
DECODE_LIBS = $(shell pkg-config --libs zlib libbrotlidec)
TEST_LIBS = $(DECODE_LIBS) -lcriterion
# V=1 shows full commands.
Q := $(if $(filter 1,$(V)),,@)

SRC := $(shell find src -name '*.c' | sort)
LIB_SRC := $(filter-out src/main.c,$(SRC))
# The stylesheet is built from its parts, static/css/NN-name.css, in order.
CSS_PARTS := $(sort $(wildcard static/css/*.css))
ASSETS := $(sort $(wildcard templates/*.html) $(wildcard templates/*.xml) $(filter-out static/css,$(wildcard static/*)) api/openapi.json)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
INTEG_SRC := $(sort $(wildcard tests/integration/*.c))
SUPPORT_SRC := $(sort $(wildcard tests/support/*.c))
FUZZ_NAMES := $(patsubst fuzz/fuzz_%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
FUZZ_SECONDS ?= 60

LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o) $(O)/gen/assets_data.o
BIN := $(O)/zhaoshang
UNIT_BIN := $(O)/unit-tests
INTEG_BIN := $(O)/integration-tests

.PHONY: all run test check-tests fuzzers fuzz bench clean
# Keep objects that only pattern rules use (the fuzz drivers'), not rebuild them.
.SECONDARY:
all: $(BIN)

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  CC     $<',true)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/tests/%.o: ALL_CFLAGS += -Itests/support
$(O)/fuzz/fuzz_%.o: ALL_CFLAGS += -Wno-missing-prototypes

$(O)/gen/style.css: $(CSS_PARTS)
	@mkdir -p $(dir $@)
	$(Q)cat $(CSS_PARTS) > $@.tmp && mv $@.tmp $@

$(O)/gen/assets_data.c: scripts/embed.sh $(ASSETS) $(O)/gen/style.css
	@mkdir -p $(dir $@)
	$(Q)scripts/embed.sh $(ASSETS) static/style.css=$(O)/gen/style.css > $@.tmp && mv $@.tmp $@

$(O)/gen/assets_data.o: $(O)/gen/assets_data.c
	@$(if $(Q),echo '  CC     $<',true)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BIN): $(O)/src/main.o $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIBS)

$(UNIT_BIN): $(UNIT_SRC:%.c=$(O)/%.o) $(SUPPORT_SRC:%.c=$(O)/%.o) $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIBS) $(TEST_LIBS)

$(INTEG_BIN): $(INTEG_SRC:%.c=$(O)/%.o) $(SUPPORT_SRC:%.c=$(O)/%.o) $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIBS) $(TEST_LIBS)

# replay_NAME runs fuzz/fuzz_NAME.c over saved inputs (make test);
# fuzz_NAME is the libFuzzer binary (make fuzz).
$(O)/replay_%: $(O)/fuzz/fuzz_%.o $(O)/fuzz/replay.o $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIBS) $(DECODE_LIBS)

$(O)/fuzz_%: $(O)/fuzz/fuzz_%.o $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer $^ -o $@ $(LIBS) $(DECODE_LIBS)

check-tests: $(BIN) $(UNIT_BIN) $(INTEG_BIN) $(FUZZ_NAMES:%=$(O)/replay_%)

fuzzers: $(FUZZ_NAMES:%=$(O)/fuzz_%)

# Who runs the demo site, as its footer and contact page show it: made up.
DEMO_ORG = --org-name "上海招商资讯编辑部（演示）" --org-address "上海市浦东新区示例路 1 号" \
	--org-phone "021-5555 0100" --org-email "contact@zhaoshang.example" --org-hours "工作日 9:00–17:30"

run:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory $(BIN)
	@mkdir -p data
	$(BIN) import --db data/zhaoshang.db data/demo/articles.txt data/demo/articles.jsonl
	exec $(BIN) serve --db data/zhaoshang.db --listen 127.0.0.1:8080 $(DEMO_ORG)

test:
	@scripts/deps.sh build test
	@scripts/check-layers.sh src
	@$(MAKE) --no-print-directory O=build/release CC=gcc SANITIZE=0 check-tests
	@$(MAKE) --no-print-directory O=build/asan CC=clang SANITIZE=1 check-tests
	@tests/run.sh build/release build/asan

# Coverage-guided fuzzing, FUZZ_SECONDS per driver. New inputs grow
# build/fuzz/corpus/; a crash is written into fuzz/corpus/NAME/ so that, once
# fixed, it stays as a regression that make test replays.
fuzz:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory O=build/fuzz CC=clang SANITIZE=fuzz fuzzers
	@for name in $(FUZZ_NAMES); do \
		mkdir -p build/fuzz/corpus/$$name; \
		echo "== fuzz $$name ($(FUZZ_SECONDS)s)"; \
		build/fuzz/fuzz_$$name -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=fuzz/corpus/$$name/ \
			build/fuzz/corpus/$$name fuzz/corpus/$$name > build/fuzz/$$name.log 2>&1; \
		status=$$?; \
		grep -E '^(#[0-9]+.*DONE|==[0-9]+==|SUMMARY|stat::number_of_executed_units)' build/fuzz/$$name.log; \
		[ $$status -eq 0 ] || { echo "fuzz $$name failed; see build/fuzz/$$name.log"; exit 1; }; \
	done

bench:
	@scripts/deps.sh build bench
	@$(MAKE) --no-print-directory $(BIN)
	bench/run.sh

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
