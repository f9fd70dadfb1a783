# Zhaoshang build. `make run` serves the demo; `make test` runs every test in a
# gcc release build and again in a clang AddressSanitizer+UBSan build.
# O selects the build directory; SANITIZE=1 adds the sanitizers.

O ?= build/release
CC ?= cc
SANITIZE ?= 0

PKGS := libmicrohttpd sqlite3 libsodium jansson
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wformat=2
CFLAGS_BASE := -std=c17 -D_GNU_SOURCE -g $(WARN) -Isrc -MMD -MP
ifeq ($(SANITIZE),1)
  OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
else
  OPT := -O2
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = $(CFLAGS_BASE) $(OPT) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(OPT) $(LDFLAGS)
LIBS = $(PKG_LIBS) -lpthread
# V=1 shows full commands.
Q := $(if $(filter 1,$(V)),,@)

SRC := $(shell find src -name '*.c' | sort)
LIB_SRC := $(filter-out src/main.c,$(SRC))
ASSETS := $(sort $(wildcard templates/*.html) $(wildcard static/*))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
INTEG_SRC := $(sort $(wildcard tests/integration/*.c))
SUPPORT_SRC := $(sort $(wildcard tests/support/*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o) $(O)/gen/assets_data.o
BIN := $(O)/zhaoshang
UNIT_BIN := $(O)/unit-tests
INTEG_BIN := $(O)/integration-tests

.PHONY: all run test check-tests bench clean
all: $(BIN)

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  CC     $<',true)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/tests/%.o: ALL_CFLAGS += -Itests/support

$(O)/gen/assets_data.c: scripts/embed.sh $(ASSETS)
	@mkdir -p $(dir $@)
	$(Q)scripts/embed.sh $(ASSETS) > $@.tmp && mv $@.tmp $@

$(O)/gen/assets_data.o: $(O)/gen/assets_data.c
	@$(if $(Q),echo '  CC     $<',true)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BIN): $(O)/src/main.o $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIBS)

$(UNIT_BIN): $(UNIT_SRC:%.c=$(O)/%.o) $(SUPPORT_SRC:%.c=$(O)/%.o) $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIBS) -lcriterion

$(INTEG_BIN): $(INTEG_SRC:%.c=$(O)/%.o) $(SUPPORT_SRC:%.c=$(O)/%.o) $(LIB_OBJ)
	@$(if $(Q),echo '  LINK   $@',true)
	$(Q)$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIBS) -lcriterion

check-tests: $(BIN) $(UNIT_BIN) $(INTEG_BIN)

run:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory $(BIN)
	@mkdir -p data
	$(BIN) import --db data/zhaoshang.db data/demo/articles.txt data/demo/articles.jsonl
	exec $(BIN) serve --db data/zhaoshang.db --listen 127.0.0.1:8080

test:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory O=build/release CC=gcc SANITIZE=0 check-tests
	@$(MAKE) --no-print-directory O=build/asan CC=clang SANITIZE=1 check-tests
	@tests/run.sh build/release build/asan

bench:
	@scripts/deps.sh build bench
	@$(MAKE) --no-print-directory $(BIN)
	bench/run.sh

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
