// Japanese names the analyser's dictionary (IPADIC, in kuromoji) does not always tag as personal names: in some
// sentences it tags them as companies (清水, 本田), places (山田, 服部) or common words (山下, 東), it splits them
// (三上, 髙橋), or they are given names that are also words (誠, 大地, さくら). They supplement its tags. These are
// what remained of the earlier hand-kept lists after dropping every name IPADIC tagged 固有名詞・人名 in each of a
// set of plain sentences (after が, の, と, は, に, から, a chat speaker's colon, after 担当:, between 、 and 。).
// AMBIGUOUS_SURNAMES are also place names or ordinary words: they count only with an honorific, a role word
// or a person context, never bare.

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

export const JA_EXTRA_SURNAMES = words(`
髙橋 伊東 吉田 山田 山口 松本 林 清水 森 池田 橋本 石川 山下 岡田 青木 太田 金子 岡本 中野 三浦
松田 小野 中山 石田 宮崎 安藤 島田 谷口 上野 杉山 小山 大塚 平野 千葉 野村 新井 古川 市川 小松 東
山内 関 平田 服部 川口 飯田 高野 小池 桑原 松下 辻 荒木 黒田 浅野 本田 大橋 川崎 早川 堀 望月 大石
西川 岩本 関口 平井 中沢 高山 村井 田辺 大川 岡崎 森下 大島 奥村 坂口 宮川 福井 福島 池上 竹田 安井
南 二宮 新田 石橋 浜田 広瀬 榊原 尾崎 大森 吉野 菅野 根本 山中 永田 中根 大竹 平山 飯塚 篠原 梅田
長田 小倉 土井 西 岩井 青山 白石 三宅 森山 八木 小泉 寺田 大山 宇野 荻野 大平 松原 青柳 宮原 川村
川島 田島 平川 三上 松山 鎌田 岸 大沢 吉原 藤岡 北野 福原 大城 金城 宮城 島袋 上地 戸田 大木 谷
宮内
`);

export const AMBIGUOUS_SURNAMES = new Set(words(`
林 森 原 関 東 南 西 辻 堀 岸 谷 石川 千葉 福島 宮崎 福井 山口 宮城 松本 上野 中野 梅田 大塚 青山 大森 本田 浜田 市川 川崎
岡崎 平野 小山 熊谷 小松 高山 神田 大山 松山 長田 新田 大島 川口 金子 土屋 星野 前川 中山 横山 松原 桜田 大平 北野 戸田
小倉 飯田 飯塚 白石 吉野 藤岡 吉原 大竹
`));

export const JA_EXTRA_GIVEN_NAMES = words(`
太郎 三郎 健 翔平 大樹 大翔 誠 学 裕太 悠斗 蓮 陽翔 湊 樹 悠真 颯太 優斗 陸 清 実 博 聡 涼 海斗
陽太 康介 慎太郎 航 明 拓海 大介 孝 洋 徹 淳 恭平 光 翼 優 大地 直人 拓真 蒼 陽向 陽子 愛 恵子
和子 幸子 舞 彩 葵 陽菜 結菜 真理 花 千尋 早苗 春香 明美 晴美 愛子 瑞穂 紬 咲良 楓 杏 節子 さくら
ゆかり さやか あゆみ ひとみ めぐみ ひかり はるか みゆき ゆい ひなた あおい
`);
