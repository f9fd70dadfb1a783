#!/bin/sh
# Writes a deterministic listing-format corpus of N generated articles (default
# 100000) to standard output, for benchmarks. Same N, same bytes, every time.
# Usage: bench/gen-corpus.sh [N]
set -eu
n=${1:-100000}
exec awk -v n="$n" 'BEGIN {
	split("黄浦区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区 闵行区 宝山区 嘉定区 浦东新区 金山区 松江区 青浦区 奉贤区 崇明区", d, " ")
	split("集成电路 生物医药 人工智能 新能源汽车 高端装备 新材料 软件信息 金融服务 文化旅游 绿色低碳 现代农业 航运物流", ind, " ")
	split("项目集中签约 产业园开放日 招商推介会 重点项目开工 企业服务月启动 政策发布会 产业基金设立 外资研发中心揭牌", ev, " ")
	split("统筹协同 精准服务 要素保障 场景开放 人才支撑 金融赋能 空间优化 营商环境", head, " ")
	split("一 二 三 四", num, " ")
	seed = 20251125
	for (i = 1; i <= n; i++) {
		seed = (seed * 69069 + 1) % 4294967296 # exact in double precision, so any awk agrees
		di = 1 + seed % 16; ii = 1 + int(seed / 16) % 12; ei = 1 + int(seed / 192) % 8
		money = 1 + int(seed / 1536) % 90; count = 3 + int(seed / 7) % 40
		y = 2016 + i % 11; m = 1 + (i * 7) % 12; day = 1 + (i * 13) % 28
		printf "-\n%s%s%s（第%d期）\n", d[di], ind[ii], ev[ei], i
		printf "近日，%s举办%s%s活动，共签约项目%d个，总投资约%d亿元，涉及%s产业链上下游多个环节。", d[di], ind[ii], ev[ei], count, money, ind[ii]
		sections = 2 + i % 3
		for (s = 1; s <= sections; s++) {
			h = 1 + (i + s) % 8
			printf " %s、%s推动%s发展 %s相关负责人介绍，将围绕%s持续发力，完善配套政策，提升服务效率，推动项目早落地、早投产、早见效，预计带动就业%d人，形成年产值%d亿元的产业规模。", num[s], head[h], ind[ii], d[di], head[h], count * 30 + s, money * 2 + s
		}
		printf "\n%04d-%02d-%02d\n", y, m, day
	}
	print "有想补充的信息?点我投稿"
}'
