import { describe, expect, it } from 'vitest';
import { readingsOf } from './readings';
import { readRun } from '../../../lib/text/pinyin';

/** The syllables a reader sees over each character of `text`, space-separated. */
const read = (text: string) =>
  readRun(text)
    .map((r) => r.pinyin ?? r.char)
    .join(' ');

describe('particles and grammatical polyphones read by the words around them', () => {
  it.each([
    // 应 alone before a verb phrase: the modal "should".
    ['这件事是否应由政府决定', '应', 'yīng'],
    ['我们不应掉以轻心', '应', 'yīng'],
    ['各地应采取有效措施', '应', 'yīng'],
    // Traditional characters read one way where their Simplified form reads two.
    ['請儘速修復', '儘', 'jǐn'],
    ['家裡養了一隻貓', '隻', 'zhī'],
    ['爺爺滿頭白髮', '髮', 'fà'],
    // …but not one whose words read it otherwise too (旗桿 qígān, 槓桿 gànggǎn).
    ['操場上的旗桿', '桿', 'gān'],
    // …and a neutral tone the word gives it stays (頭髮 tóufa, as 头发).
    ['他剪了頭髮', '髮', 'fa'],
    // 瞭 is the Traditional 了 liǎo, except in 瞭望 (liào).
    ['請瞭解各地災情', '瞭', 'liǎo'],
    ['士兵登上瞭望台', '瞭', 'liào'],
  ])('应 and Traditional characters of one reading: %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });

  it.each([
    // 累 alone after a degree word or a negation, or before 了/得/死: "tired".
    ['下班以后大家都很累', '累', 'lèi'],
    ['走了一天路，一点也不累', '累', 'lèi'],
    ['他累得说不出话来', '累', 'lèi'],
    // 累 in its words: "accumulate".
    ['全年累计完成投资八百亿元', '累', 'lěi'],
    ['经验要靠日积月累', '累', 'lěi'],
    // 薄 alone after a degree adverb: the everyday "thin"; in its words bó.
    ['河面上的冰太薄，不能走人', '薄', 'báo'],
    ['基层力量还比较薄弱', '薄', 'bó'],
    // 差 alone after a degree adverb: "poor".
    ['这家店的服务太差', '差', 'chà'],
    ['两地的温差很大', '差', 'chā'],
    // 数 as the verb "count"; a number of things is shù.
    ['老师数了数教室里的学生', '数', 'shǔ'],
    ['天上的星星数不清', '数', 'shǔ'],
    ['参加活动的人数超过一千', '数', 'shù'],
    // 地 before the verb 等 "wait" is the adverbial particle; before 等 "etc." the noun.
    ['他焦急地等着消息', '地', 'de'],
    ['产粮地等地区', '地', 'dì'],
    // 冲 before 着: "facing"; 横 after a degree adverb: "rude".
    ['记者冲着镜头挥了挥手', '冲', 'chòng'],
    ['那个摊主说话太横', '横', 'hèng'],
    ['道路纵横交错', '横', 'héng'],
    // 为 after a person or an adverb of always, before a verb phrase: "for"; with 所 after it, the passive "by".
    ['我们为你感到骄傲', '为', 'wèi'],
    ['她时时为孩子担心', '为', 'wèi'],
    ['这位老师为学生所敬爱', '为', 'wéi'],
    ['工人们正在为新学期做准备', '为', 'wèi'],
    // 长着 + what grows: "grow, have".
    ['墙角长着几棵小草', '长', 'zhǎng'],
    ['这条路长着呢', '长', 'cháng'],
  ])('累, 薄, 差, 数, 地, 冲, 横 and 为 by the words around them: %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });

  it.each([
    // Two-sense words decided by the word before them.
    ['派出所所长王明说', '长', 'zhǎng'],
    ['大家各有所长', '长', 'cháng'],
    ['这一带治安较差', '差', 'chà'],
    ['这里气温日较差很大', '差', 'chā'],
    ['大夫建议他多休息', '大', 'dài'],
    ['他被封为上大夫', '大', 'dà'],
  ])('a word of two senses: %s', (text, ch, want) => {
    expect(readingsOf(text, ch).at(-1)).toBe(want);
  });

  it.each([
    // 干 alone: the verb "do" after a word asking for a verb or before a directional complement; "dry" after a
    // degree adverb.
    ['大家一起来干', '干', 'gàn'],
    ['我们先干起来再说', '干', 'gàn'],
    ['谁敢干这种事', '干', 'gàn'],
    ['这片土地太干', '干', 'gān'],
    ['晾了一天，衣服已经干了', '干', 'gān'],
  ])('干: %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });
  it.each([
    // 地 after an adverbial, before the verb: de; a noun or a word of its own: dì.
    ['她认真地听讲', 'tā rèn zhēn de tīng jiǎng'],
    ['孩子们高兴地跑了出去', 'hái zi men gāo xìng de pǎo le chū qù'],
    ['他很快地写完了作业', 'tā hěn kuài de xiě wán le zuò yè'],
    ['这块地很肥', 'zhè kuài dì hěn féi'],
    ['全国各地都有', 'quán guó gè dì dōu yǒu'],
    // A word and 地 before a conjunction or 的: the noun, "place".
    ['这片水源地或湿地要保护', 'zhè piàn shuǐ yuán dì huò shī dì yào bǎo hù'],
    ['新建的试验地和养殖场', 'xīn jiàn de shì yàn dì hé yǎng zhí chǎng'],
    ['那片试验地的土壤很肥', 'nà piàn shì yàn dì de tǔ rǎng hěn féi'],
  ])('地: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 得 after a verb before its complement: de; the verb "get" after a pronoun: dé.
    ['他跑得很快', 'tā pǎo de hěn kuài'],
    ['她唱得很好听', 'tā chàng de hěn hǎo tīng'],
    ['这件事办得不错', 'zhè jiàn shì bàn de bù cuò'],
    ['我得了一个奖', 'wǒ dé le yī ge jiǎng'],
  ])('得: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 为 opening "for …" before the verb: wèi; 以 … 为 … and 为 + one word at the clause end: wéi.
    ['为大家服务', 'wèi dà jiā fú wù'],
    ['她愿意为朋友帮忙', 'tā yuàn yì wèi péng you bāng máng'],
    ['学校将为新生举办活动', 'xué xiào jiāng wèi xīn shēng jǔ bàn huó dòng'],
    ['以学生为本', 'yǐ xué sheng wéi běn'],
    ['坚持以人民为中心', 'jiān chí yǐ rén mín wéi zhōng xīn'],
    ['今年的增速较去年为低', 'jīn nián de zēng sù jiào qù nián wéi dī'],
  ])('为: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 将 on its own: "will" or the object marker, jiāng.
    ['我们将继续努力', 'wǒ men jiāng jì xù nǔ lì'],
    ['他将门关上了', 'tā jiāng mén guān shàng le'],
    ['将军来了', 'jiāng jūn lái le'],
  ])('将: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    ['小树长得很快', 'xiǎo shù zhǎng de hěn kuài'],
    ['这条河很长', 'zhè tiáo hé hěn cháng'],
    ['市长来了', 'shì zhǎng lái le'],
    ['执行情况良好', 'zhí xíng qíng kuàng liáng hǎo'],
    ['银行的行长', 'yín háng de háng zhǎng'],
  ])('长, 行: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it('reads a Traditional page the same way', () => {
    expect(read('她認真地聽講')).toBe('tā rèn zhēn de tīng jiǎng');
    expect(read('為大家服務')).toBe('wèi dà jiā fú wù');
    expect(read('他跑得很快')).toBe('tā pǎo de hěn kuài');
  });

  it.each([
    // 率 as the suffix "rate" after a word (lǜ), and as the verb "lead" before its object (shuài).
    ['酒店的入住率和返修率明显上升', 'jiǔ diàn de rù zhù lǜ hé fǎn xiū lǜ míng xiǎn shàng shēng'],
    ['这里的出勤率很高', 'zhè lǐ de chū qín lǜ hěn gāo'],
    ['省长率代表团出访', 'shěng zhǎng shuài dài biǎo tuán chū fǎng'],
  ])('率: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // A place name reads as in the name, whatever precedes it: 长丰县 Cháng after 合肥市, 长宁区 after 上海市.
    ['到合肥市长丰县采访', 'dào hé féi shì cháng fēng xiàn cǎi fǎng'],
    ['上海市长宁区的居民', 'shàng hǎi shì cháng níng qū de jū mín'],
  ])('place names: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it('reads a glossary term only where the segmenter kept it a word (市长 zhǎng, not inside 合肥市 | 长丰县)', () => {
    const terms = [{ word: '市长', pinyin: 'shì zhǎng' }];
    const withTerms = (text: string) =>
      readRun(text, { terms })
        .map((r) => r.pinyin ?? r.char)
        .join(' ');
    expect(withTerms('到合肥市长丰县采访')).toBe('dào hé féi shì cháng fēng xiàn cǎi fǎng');
    expect(withTerms('武汉市长会见客人')).toBe('wǔ hàn shì zhǎng huì jiàn kè rén');
  });

  it.each([
    // 还 "give back" (huán) before what is given back, 给, a pronoun and an object, or at the end; "still" (hái) else.
    ['他还书了', 'tā huán shū le'],
    ['我明天还你钱', 'wǒ míng tiān huán nǐ qián'],
    ['请把书还给图书馆', 'qǐng bǎ shū huán gěi tú shū guǎn'],
    ['他把借的钱都还了', 'tā bǎ jiè de qián dōu huán le'],
    ['他还没来', 'tā hái méi lái'],
    ['我还有事', 'wǒ hái yǒu shì'],
    ['比他还高', 'bǐ tā hái gāo'],
  ])('还: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 得 as the modal "must" after a pronoun or 必须/还/就, before a verb (děi); dé before 了 or a rank; de after a verb.
    ['你得早点走', 'nǐ děi zǎo diǎn zǒu'],
    ['我们必须得抓紧', 'wǒ men bì xū děi zhuā jǐn'],
    ['你还得再等等', 'nǐ hái děi zài děng děng'],
    ['他得了第一名', 'tā dé le dì yī míng'],
    ['他跑得很快', 'tā pǎo de hěn kuài'],
  ])('得 děi: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 都会 is 都 "all" + 会 "will" before a verb (dōu), the noun "metropolis" after a modifier or at the end (dū).
    ['他们每天都会来', 'tā men měi tiān dōu huì lái'],
    ['香港是国际都会', 'xiāng gǎng shì guó jì dū huì'],
    // 干 said twice before its object is the verb (gàn); 干干净净 "clean" is gān.
    ['周末回家干干农活', 'zhōu mò huí jiā gàn gàn nóng huó'],
    ['屋里干干净净的', 'wū lǐ gān gān jìng jìng de'],
    // 连 A 带 B 地 + verb: the adverbial particle.
    ['他连蹦带跳地跑进来', 'tā lián bèng dài tiào de pǎo jìn lái'],
    // 还给 + someone + verb + 了: 给 is "for", 还 "also" (hái); 还给 + someone + what is returned: huán.
    ['他还给孩子们买了书', 'tā hái gěi hái zi men mǎi le shū'],
    ['我还给你钱', 'wǒ huán gěi nǐ qián'],
    // 重 alone before a verb is "again" (chóng), as in the dictionary word it makes with the verb's first character.
    ['工程师把芯片重编程了', 'gōng chéng shī bǎ xīn piàn chóng biān chéng le'],
    // 重 before a number and a unit of weight is "weighs" (zhòng), also where the segmenter takes 重五 for a word.
    ['他的行李箱重五公斤', 'tā de xíng li xiāng zhòng wǔ gōng jīn'],
    ['小狗现在重八斤多', 'xiǎo gǒu xiàn zài zhòng bā jīn duō'],
    ['这台机器重3吨', 'zhè tái jī qì zhòng 3 dūn'],
    // 着 after a verb of two characters is the aspect particle (zhe); after one-character 睡 the complement zháo.
    ['灯塔指引着渔船回家', 'dēng tǎ zhǐ yǐn zhe yú chuán huí jiā'],
    ['老师鼓励着我们', 'lǎo shī gǔ lì zhe wǒ men'],
    ['他很快就睡着了', 'tā hěn kuài jiù shuì zháo le'],
  ])('by the neighbouring words: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 只 after a demonstrative or 每 is the measure word zhī; before the verb phrase of "only" it stays zhǐ.
    ['那只行李箱放在门口', 'nà zhī xíng li xiāng fàng zài mén kǒu'],
    ['这只小猫很可爱', 'zhè zhī xiǎo māo hěn kě ài'],
    ['每只羊都很肥', 'měi zhī yáng dōu hěn féi'],
    ['这只会让人失望', 'zhè zhǐ huì ràng rén shī wàng'],
    ['这只需要三天', 'zhè zhǐ xū yào sān tiān'],
    ['这只是开始', 'zhè zhǐ shì kāi shǐ'],
    // 重 before a count of times is "again" (chóng); as the weight before a unit it stays zhòng.
    ['这首歌他唱了又重三遍', 'zhè shǒu gē tā chàng le yòu chóng sān biàn'],
    ['老师让我重写两遍', 'lǎo shī ràng wǒ chóng xiě liǎng biàn'],
    ['这是最重要的一次', 'zhè shì zuì zhòng yào de yī cì'],
    // 着 as the result complement before 了 (zháo); after a longer verb the aspect particle zhe.
    ['我终于找着了钥匙', 'wǒ zhōng yú zhǎo zháo le yào shi'],
    ['他们讨论着明天的计划', 'tā men tǎo lùn zhe míng tiān de jì huà'],
    // 少 before 了 is "less" (shǎo); 少年 keeps shào.
    ['今年的雨水比去年少了很多', 'jīn nián de yǔ shuǐ bǐ qù nián shǎo le hěn duō'],
    ['他少年时在乡下读书', 'tā shào nián shí zài xiāng xia dú shū'],
    // 觉 after 睡 in the clause is jiào; 觉得 stays jué.
    ['考试前一天他睡不好觉', 'kǎo shì qián yī tiān tā shuì bù hǎo jiào'],
    ['我觉得这样很好', 'wǒ jué de zhè yàng hěn hǎo'],
    // V 得 了 at the clause end or before 吗/这么: the potential "can manage" (de liǎo); with an object dé le.
    ['这点小事我们处理得了', 'zhè diǎn xiǎo shì wǒ men chǔ lǐ de liǎo'],
    ['你一个人搬得了这么多书吗', 'nǐ yī gè rén bān de liǎo zhè me duō shū ma'],
    ['孩子得了重感冒', 'hái zi dé le zhòng gǎn mào'],
    // 种 before its object is "plant" (zhòng); after a demonstrative or 有 it counts kinds (zhǒng).
    ['春天我们在山坡上种树', 'chūn tiān wǒ men zài shān pō shàng zhòng shù'],
    ['爷爷种了很多西红柿', 'yé ye zhòng le hěn duō xī hóng shì'],
    ['我有种奇怪的感觉', 'wǒ yǒu zhǒng qí guài de gǎn jué'],
    // 种 cut alone, but a noun with a one-character word beside it that the dictionary reads zhǒng (种业 "seed
    // industry", 新种 "new species"); before a word of two characters (果树) it stays the verb.
    ['全省加快推进种业创新', 'quán shěng jiā kuài tuī jìn zhǒng yè chuàng xīn'],
    ['队员们在林中找到一个新种', 'duì yuán men zài lín zhōng zhǎo dào yī ge xīn zhǒng'],
    ['村里种果树的人多了', 'cūn lǐ zhòng guǒ shù de rén duō le'],
    // 得 before a quoted complement is the particle, as before an unquoted one.
    ['鞋子被雨水泡得“面目全非”', 'xié zi bèi yǔ shuǐ pào de “ miàn mù quán fēi ”'],
    ['老师把课讲得‘活’了', 'lǎo shī bǎ kè jiǎng de ‘ huó ’ le'],
    // 中 before 了 is "hit, win" (zhòng); 干 + 了/过 + more is the verb "do" (gàn), 水干了 stays gān.
    ['她买彩票中了一百块', 'tā mǎi cǎi piào zhòng le yī bǎi kuài'],
    ['他在工厂干了二十年', 'tā zài gōng chǎng gàn le èr shí nián'],
    ['池塘里的水都干了', 'chí táng lǐ de shuǐ dōu gān le'],
    // 便宜 "cheap" is pián; 盛 "ladle" before 了 or a count is chéng, 盛情 stays shèng.
    ['菜市场的青菜很便宜', 'cài shì chǎng de qīng cài hěn pián yi'],
    ['妈妈给我盛了一碗粥', 'mā ma gěi wǒ chéng le yī wǎn zhōu'],
    ['主人盛情招待客人', 'zhǔ rén shèng qíng zhāo dài kè rén'],
  ])('measure words, 重, 着, 少, 觉 and 得了 by the words around them: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 着 as the result complement in the potential form: zháo (不 before it is left as the reader shows it).
    ['钥匙怎么也找不着', 'zháo'],
    ['书架太高我够不着', 'zháo'],
    ['你用不着担心', 'zháo'],
    ['晚上太吵睡不着', 'zháo'],
  ])('着 in the potential form: %s → %s', (text, want) => {
    expect(readRun(text).find((r) => r.char === '着')?.pinyin).toBe(want);
  });

  it.each([
    // A dictionary word that pinyin-pro and CC-CEDICT read the same way keeps that reading (the model read chā).
    ['他明天要出差', 'tā míng tiān yào chū chāi'],
    // Personal names: a given-name character as names read it (冠 guàn), 朴 in a given name pǔ (Piáo is the surname).
    ['教练丁冠强说', 'jiào liàn dīng guàn qiáng shuō'],
    ['老师张朴来了', 'lǎo shī zhāng pǔ lái le'],
    // Erhua: the 儿 of 这儿, 哪儿 is the syllable r; 女儿 keeps ér.
    ['你在哪儿等我', 'nǐ zài nǎ r děng wǒ'],
    ['她的女儿来了', 'tā de nǚ ér lái le'],
    // A measure word after a number: 一担 dàn (not dān "carry"), 一曲 qǔ; 只 after 万一 stays "only".
    ['他挑来一担水', 'tā tiāo lái yī dàn shuǐ'],
    ['万一只有他来呢', 'wàn yī zhǐ yǒu tā lái ne'],
    // CC-CEDICT's reading where pinyin-pro's is wrong, also inside a longer word: 嚣 xiāo, 辗转 zhǎn.
    ['他们的气焰十分嚣张', 'tā men de qì yàn shí fēn xiāo zhāng'],
    ['她夜里辗转反侧', 'tā yè li zhǎn zhuǎn fǎn cè'],
  ])('by the word and by names: %s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it.each([
    // 得 after 就/还/总 is "must" only before a verb phrase: 得到, 得了奖, 得分 keep dé.
    ['比赛结束他们就得到了消息', '得', 'dé'],
    ['这位老师还得过全国大奖', '得', 'dé'],
    ['两队的总得分相同', '得', 'dé'],
    ['明天一早你们还得出发', '得', 'děi'],
    // 过得 and the potential complements (受得了 with 受不了) are the particle de.
    ['退休以后日子过得挺好', '得', 'de'],
    ['这种天气谁都受得了', '得', 'de'],
    ['这份工作收入还过得去', '得', 'de'],
    // 长得 is "grow, look", but "longer by far" before 多.
    ['这棵树三年里长得很高', '长', 'zhǎng'],
    ['新修的公路比老路长得多', '长', 'cháng'],
    // 为 after a reduplicated adverbial is "for".
    ['踏踏实实为百姓办好事', '为', 'wèi'],
  ])('得, 长得 and 为 by the words around them: %s, %s → %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });

  it.each([
    // A reduplicated AABB word reads both copies of each character in full.
    ['工作要抓得扎扎实实', '实', 'shí'],
    ['屋里打扫得清清爽爽', '爽', 'shuǎng'],
  ])('AABB words in full tones: %s, %s → %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });
});
