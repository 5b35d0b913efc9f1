"""The escalation safety net: a reviewed lexicon of sensitive and dispute signals.

A signal can only *raise* a message to an escalating intent, never lower one. Each signal is
named `category:topic`; self-harm signals are `self_harm:*` so the ticket can be marked urgent.
Patterns run on `fold(text)`: lower case, simplified Chinese, half-width.

Review notes: patterns are deliberately specific (verb + object) where a bare word would fire on
ordinary messages, e.g. `人工客服` alone also occurs in "are you a human agent?" (ask_is_bot).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from bot.nlu.base import ESCALATING_INTENTS
from bot.nlu.normalize import fold
from bot.nlu.pattern_parts import PatternParts, kinds_in, split_by_script
from bot.nlu.wordings import wordings

SELF_HARM = "self_harm"


@dataclass(frozen=True)
class Signal:
    """A lexicon entry: its name, the intent it raises a message to, and its pattern (also
    split into `parts` by the characters a match needs, for the search)."""

    name: str
    intent: str
    pattern: re.Pattern[str]
    parts: PatternParts = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", split_by_script([self.pattern.pattern]))

    def fires(self, folded: str, kinds: frozenset[str]) -> bool:
        """Whether the pattern matches `folded`, whose kinds of character are `kinds`."""
        return self.parts.search(folded, kinds)


def _slip(word: str, *, but: tuple[str, ...] = ()) -> str:
    """A regex for `word` or any one-edit slip of it (a letter missing, wrong, extra or two
    swapped), except the words in `but`. Only for short words inside a context that already
    carries the meaning ("the amount is wromg"): alone, a slip of a short word is ambiguous."""
    letters = "[a-z]"
    forms = {word}
    for i in range(len(word) + 1):
        forms.add(word[:i] + letters + word[i:])
        if i < len(word):
            forms.add(word[:i] + word[i + 1 :])
            forms.add(word[:i] + letters + word[i + 1 :])
        if i + 1 < len(word):
            forms.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    exclude = "".join(rf"(?!{re.escape(other)}\b)" for other in but)
    return rf"\b{exclude}(?:{'|'.join(sorted(forms, key=len, reverse=True))})\b"


# Marks an alternative whose one-slip neighbours read as ordinary messages ("我儿已经走了"
# without 儿 is "I've left"): it matches as written, and `wordings` derives no slips from it.
_EXACT = "(?#exact)"


def _signal(name: str, intent: str, *alternatives: str) -> Signal:
    return Signal(name, intent, re.compile("|".join(f"(?:{a})" for a in alternatives)))


LEXICON: tuple[Signal, ...] = (
    # --- self-harm: urgent -------------------------------------------------------------------
    _signal(
        "self_harm:suicide",
        "vulnerable",
        r"自杀|轻生|寻死|跳楼|跳河|跳桥|跳江|割腕|上吊|烧炭|喝农药|吃安眠药|一了百了",
        r"suicid\w*|kill(?:ing)? my ?self|\bkms\b|hang my ?self|overdos\w*|jump off",
        r"self[- ]?harm|hurt(?:ing)? my ?self|cut(?:ting)? my ?self|take my (?:own )?life",
        r"想杀(?:了)?(?:自己)?(?=$|[,，。.!！])|杀了(?:我)?自己",  # 想自杀 with 自 missing
        r"一死了之|逼我.{0,4}就跳",  # "再逼我我就跳(楼)"
        # a farewell note to the family
        r"遗书|绝笔|(?:wrote|written|writing|left) (?:a |my )?(?:goodbye |farewell |suicide )?"
        r"(?:note|letter) (?:for|to) my (?:family|kids|children|wife|husband|parents|mum|mom)",
    ),
    _signal(
        "self_harm:no_will_to_live",
        "vulnerable",
        r"想不开|不想活|活不下去|活着没(?:意思|意义)|想死|去死|不如死|没脸活|结束(?:自己的)?生命|结束这一切",
        r"want(?:s|ed)? to die\b|wanna die\b|better off dead|don'?t want to (?:live|be alive)",
        r"no (?:point|reason) (?:in |to )?(?:living|live|going on)|end (?:it all|my life)",
        r"ending my life|done with life|can'?t go on|i'?ll end it\b",
        r"准备好(?:了)?(?:药|绳子)",
        # hopelessness about life itself, not about a payment plan
        r"(?:feels?|seems?|is) worth (?:it|living) ?any ?more|not worth living",
        r"life (?:feels|seems|is) (?:pointless|meaningless)",
    ),
    # --- vulnerable ----------------------------------------------------------------------------
    _signal(
        "vulnerable:death",
        "vulnerable",
        r"去世|过世|逝世|离世|病逝|病故|身故|丧事|办后事|处理后事|遗产",
        r"殡|葬",  # 殡仪馆, 出殡, 葬礼, 下葬: only ever about a funeral
        r"passed away|passed on|\bdied\b|\bdeceased\b|death in the family|bereave\w*|funeral",
        r"\bwidow(?:ed|er)?\b|(?:just|recently) passed\b",
        # "my late husband"; "my wife passed, ..." (but not "my son passed his exams")
        r"\blate (?:husband|wife|partner|father|mother|dad|mum|mom|son|daughter|brother|sister)\b",
        r"\b(?:husband|wife|partner|father|mother|dad|mum|mom|son|daughter|brother|sister)"
        r" (?:has |had |just |recently |sadly )?passed\b(?! (?:the|his|her|an?|my|their|it)\b)",
        r"(?:儿子|女儿|爸|妈|父亲|母亲|老公|丈夫|老婆|妻子|爷爷|奶奶|外公|外婆)(?:已经)?走了",
        # "他人不在了", "我爸已经不在了": gone, of a person (not "他不在家", "他现在不在")
        r"(?:他|她|儿子|女儿|爸|妈|父亲|母亲|老公|丈夫|老婆|妻子|爷爷|奶奶|外公|外婆)(?:人)?"
        r"(?:已经)?不在了",
        # the same with one character of the relative missing ("我儿走了", "我子走了")
        _EXACT + r"我(?:儿|子|女|公|夫|婆|妻)(?:已经)?走了",
    ),
    _signal(
        "vulnerable:hospital",
        "vulnerable",
        r"住院|在医院(?!上班|工作|当|实习)|医院里(?!上班|工作)|进医院|重症监护|做手术|动手术|手术后|化疗|透析|急诊|抢救|病危",
        r"陪床|陪护",  # staying at a patient's bedside
        # "ICU", also right after Chinese ("在icu抢救"), never inside a word ("difficult")
        r"(?<![a-z])icu(?![a-z])",
        r"hospital(?!ity)\w*|intensive care|surgery|chemo\w*|dialysis|\brehab\b",
    ),
    _signal(
        "vulnerable:illness",
        "vulnerable",
        r"癌|白血病|重病|绝症|中风|尿毒症|抑郁|精神病|精神疾病|心理医生|残疾|瘫痪|确诊|晚期|难产",
        r"cancer|leuka?emia|terminal(?:ly)? ill|seriously ill|\bstroke\b|heart attack",
        r"depress(?:ed|ion)|mental (?:health|breakdown|illness)|disab(?:led|ility)|psychiatric",
        r"盲人|失明|聋|哑巴|卧床|轮椅|\bblind\b|\bdeaf\b|bed rest|wheelchair",
        r"panic attacks?|car accident|injur\w*|pregnan\w*|gave birth|\belderly\b|can'?t read",
        r"burn(?:ed|t) down|\bflood\w*|medical bills|car crash|bedridden",
        r"hard of hearing|\bpensioner\b|living alone|耳朵不好|听力不好|耳背|独居",
        # 残疾/疾病 with a character missing still leave a character borrowers use for nothing
        # else (残忍/残酷 are complaints, and 残余 is not how a balance is named)
        r"残(?!忍|酷|余)|疾",
        r"半身不遂|偏瘫|" + _EXACT + r"说话(?:都)?(?:很)?困难",  # after a stroke
        r"\billness\b|\bsickness\b",
        r"盲(?!目)|耳(?:朵)?(?:不好|背|聋)",  # 盲人, 文盲 (not 盲目); hard of hearing
        r"坐牢|监狱|服刑|\bin (?:prison|jail)\b|incarcerated",  # in prison
        # old age: 60-odd years and over, elderly, unable to use a phone
        # the borrower's own age of 70 or more (a parent's age is not the borrower's frailty)
        r"我(?:今年|已经|都)?(?:快)?(?:[七八九]十|[7-9]\d ?)(?:多|几)?岁",
        r"\bi'?m (?:over )?[7-9]\d\b(?! (?:yuan|rmb|dollars|usd|\$))|\bi am [7-9]\d years? old",
        r"(?:我|本人|^)(?:已经)?是(?:个)?老人|" + _EXACT + r"不(?:太)?会用(?:智能)?手机",
        r"(?:i'?m|i am|i've been|kid is|child is|son is|daughter is|wife is|husband is"
        r"|mum is|mom is"
        r"|dad is) (?:very |really |seriously )?(?:sick|ill)\b(?! of)",
        r"车祸|(?<![很太挺好真有点])意外(?!开支|支出|花销|花费|开销|之喜|收获|收入)|受伤|骨折|怀孕|月子|生完孩子|戒毒|火灾|洪水|地震|年纪大|我是老人|孤寡老人|认字不多|焦虑|失眠|精神状态|撑不下去",
    ),
    _signal(
        "vulnerable:abuse",
        "vulnerable",
        # a partner hits me (by the partner's last character, so "我公打我" for 我老公打我
        # counts too), but not 打我电话 / 打我卡上 (a call, a transfer)
        r"家暴|家庭暴力|虐待",
        r"(?:公|夫|婆|友|他)(?:经常|又|总是|天天)?打我(?!.{0,4}(?:电话|手机|号|卡|账|钱|微信|支付宝))",
        r"不敢回家",  # afraid to go home
        r"被(?:老公|丈夫|男朋友|男友|前夫)打",
        r"domestic (?:violence|abuse)|being abused|abused at home|violent (?:partner|husband|wife)",
        r"(?:partner|husband|wife|boyfriend) (?:is |was )?(?:violent|beats|hits)",
    ),
    # --- complaints and legal ------------------------------------------------------------------
    _signal(
        "complaint_legal:lawyer",
        "complaint_legal",
        r"律师|法律援助|法律责任",
        r"lawyer|attorney|solicitor|legal (?:aid|action|advice|letter)",
    ),
    _signal(
        "complaint_legal:court",
        "complaint_legal",
        r"法院|起诉|法庭|诉讼|仲裁|应诉|告你们",
        r"讼|庭上见|法院见",  # 诉讼 with a character missing; "see you in court"
        r"\bcourts?\b|\bsuing\b|lawsuit|arbitration",
        r"(?<!for )(?<!ya )(?<!yeah )(?<!yes )(?<!ok )\bsue\b",  # not "sure" typed "sue"
        # "i will sue u" with one slip in the short verb ("sur", "aue", "due"), never "see"/"use"
        r"\b(?:will|gonna|going to|i'?ll|and) "
        + _slip("sue", but=("see", "use", "se", "sum"))
        + r" (?:u|you|me)\b",
    ),
    _signal(
        "complaint_legal:police",
        "complaint_legal",
        r"报警|警察|派出所|公安|立案",
        r"\bpolice\b|\bcops?\b",
    ),
    _signal(
        "complaint_legal:regulator",
        "complaint_legal",
        # the central bank, but not its credit reference system ("会上央行征信吗" is a question)
        r"银保监|保监会|银监会|金融监管|监管局|监管部门|人民银行(?!征信)|央行(?!征信)|(?<!\d)12378(?!\d)",
        r"(?<!\d)12315(?!\d)|(?<!\d)315(?!\d)|消协|消费者协会|黑猫投诉|银行业协会|互金协会",
        r"regulator\w*|\bcfpb\b|ombudsman|\bfca\b|consumer protection|banking association",
    ),
    _signal(
        "complaint_legal:complaint",
        "complaint_legal",
        r"投诉|举报|曝光",
        r"complain\w*|\bexpose you\b|report(?:ing|ed)? (?:you|it|this)\b|as evidence",
        r"disclos\w*|told my (?:coworkers|colleagues|boss|employer|family|friends)",
        r"告诉(?:了)?我(?:的)?(?:同事|家人|单位|领导|朋友|老板)",
        r"诽谤|名誉|defamation|defamatory|\bslander\w*|\blibel\w*",  # defamation
        # going public: to the media, not working there ("我在媒体公司上班", "I'm a reporter")
        r"(?:找|联系|告诉|告到|发给|发到|上|让)(?:媒体|记者|新闻)",
        r"(?:go|going|went|take|taking|took|talk|talking|tell|telling|contact\w*|call\w*|write|"
        r"writing) (?:this |it |you )?to (?:the )?(?:media|press|news|journalists?|reporters?)",
        # the complaint channel, also with 投 or 诉 of 投诉 missing (诉 not from 告诉)
        r"(?:投诉?|(?<![告倾])诉)(?:渠道|电话|热线|途径|入口)",
    ),
    _signal(
        "complaint_legal:harassment",
        "complaint_legal",
        r"骚扰|暴力催收|威胁|恐吓|辱骂|骂人|侮辱|爆(?:我)?通讯录|泄露|违法|非法|违规|违反|高利贷",
        r"冒充(?:公检法?|警察|公安|法院)|敲诈|勒索|extort\w*|blackmail\w*",
        r"侵犯.{0,4}隐私|隐私(?:权|被)",  # privacy breached, not a question about privacy
        r"harass\w*|threat\w*|intimidat\w*|abusive|insult\w*|privacy|illegal\w*|unlawful",
        r"against the law|breaking the law|break the law|predatory|fair debt",
        # asking why the lender contacted the borrower's family or workplace about the debt
        r"(?:为什么|为啥|凭什么|干嘛|干吗)(?:要|又|还)?(?:给|打给|打电话给|联系|找)(?:我的?)?"
        r"(?:家人|家里人?|妈妈?|爸爸?|父母|爸妈|老婆|老公|媳妇|孩子|朋友|同事|领导|老板|单位|公司|亲戚)",
        r"\bwhy (?:are|did|do|were|have|would) you (?:been )?(?:call|phon|ring|contact|text|messag"
        r"|email)\w* my (?:mother|mum|mom|father|dad|parents|family|wife|husband|partner|kids?"
        r"|children|son|daughter|boss|employer|work|office|colleagues?|co-?workers?|friends?"
        r"|relatives?|sister|brother)\b",
    ),
    _signal(
        "complaint_legal:bankruptcy",
        "complaint_legal",
        r"破产",
        r"bankrupt\w*|insolven\w*|\biva\b",
    ),
    # --- disputes ------------------------------------------------------------------------------
    _signal(
        "dispute:not_my_loan",
        "dispute",
        r"不是我(?:借|贷|欠)的|不是我的(?:贷款|借款|债|账|钱)|(?:这|那)(?:笔|个)(?:贷款|借款|债|钱|账)?不是我",
        r"没(?:有)?在.{0,6}借过|没(?:有)?借过|从(?:来)?没(?:有)?借|我没借|不是借款人|找错人|发错人|不认识(?:这个人|他|她)|不欠你们",
        r"借款人不是我|借(?:钱|款)的是.{0,8}不是我|我(?:只)?是(?:他的|她的)?(?:紧急)?联系人|(?:跟|与)我无关",
        r"(?:跟|和|与)我没(?:有)?(?:任何)?关系|不关我(?:的)?事|没(?:有)?收到(?:过)?放款",
        r"nothing to do with me|(?:i'?m|i am) (?:only |just )?(?:listed as )?(?:an? |his |her )?"
        r"(?:emergency )?(?:contact|reference)\b(?!ed| details| number)",
        r"never (?:reached|arrived in|hit) my account",
        r"没(?:有)?授权|没(?:有)?收到(?:过)?(?:这笔)?(?:钱|款)|(?:借款|钱)根本没(?:到|收到)",
        r"not my (?:loan|debt|account)|(?:isn'?t|is not|ain'?t) mine"
        r"|not the borrower|\bnot mine\b|n'?t my (?:loan|debt)",
        r"never (?:even )?used|never (?:been )?paid out|someone (?:else )?(?:applied|used|opened)",
        r"never (?:took|borrowed|applied|signed|received|authori[sz]ed|agreed)",
        r"didn'?t (?:borrow|take out|apply)|wrong (?:person|guy|number)",
        r"don'?t recogni[sz]e|don'?t owe (?:you|u|anything)",
        # only someone's contact person ("listed as an emergency contact", "我只是紧急联系人")
        r"(?:listed|put down|named|given) as (?:an? |his |her |their )?(?:emergency )?contact",
        r"是(?:他的|她的|他|她)?(?:紧急)?联系人?(?=[,，。.!！ ]|$)",
        r"no idea (?:what|where|why) (?:this|that|these|those) (?:\S+ )?(?:loan|debt|charge|fee)",
        # a recycled phone number: the debt is the previous owner's
        r"(?:previous|old|former) owner|号码?(?:以前|之前|原来)是别人的",
    ),
    _signal(
        "dispute:identity_theft",
        "dispute",
        r"冒用|盗用|冒名|用我的(?:身份|资料|手机|名字)",
        r"identity theft|stolen identity|(?:id|identity) (?:was )?stolen|in my name",
        r"used my (?:identity|id|details|name)",
    ),
    _signal(
        "dispute:fraud",
        "dispute",
        r"诈骗|骗子|欺诈|被骗",
        r"诈",  # 诈骗, 欺诈, 敲诈: there is no everyday word with 诈
        # 骗子, 被骗, 骗钱; not "我没骗你" / "我不会骗人的" (I'm not lying to you)
        r"(?<![没不别])(?<!不会)(?<!没有)(?<!不想)(?<!不是)骗(?!你)",
        r"(?:this|it|that) (?:is|looks like|seems like) (?:a |such a )?"
        + _slip("scam", but=("scan", "spam", "scar", "slam", "swam", "seam", "scab")),
        r"fraud\w*|\bscam\w*",
    ),
    _signal(
        "dispute:already_paid",
        "dispute",
        r"已经还(?:了|清|过)(?!多少)|已还清|就还清了|已经转(?:过去|了)|还过了|已经结清|已结清|结清证明|明明还了|没入账|未入账",
        r"还(?:了|款).{0,12}(?:没|未|不)(?:到账|显示|入账|更新|认)|重复扣款|扣了两次|多扣",
        r"显示未还|还显示(?:逾期|欠款|未还)|怎么还在扣",
        r"already paid|paid (?:it |this )?already|paid in full already|proof (?:that )?i paid",
        r"(?:payment|it)(?:'s| is| has)? not (?:been )?(?:showing|posted|reflected|recorded)",
        r"hasn'?t (?:been )?posted|not (?:been )?recorded|double charged|charged (?:me )?twice",
        r"(?:took|taken|deducted) (?:the payment |my payment |it )?twice|marked (?:as )?late",
        r"扣了(?:我)?两(?:次|遍)|签名不是我|不是我签的|(?:转账|还款|付款)截图",
        r"(?:transfer|payment|bank) screenshot|prove (?:that )?i owe|证明我欠",
        # a receipt held up as proof ("I have the receipt"), not one asked for ("can I get a
        # receipt?", which `dialogs.receipts` answers)
        # (three verbs an alternative: each stays within the wordings a typo is tolerated in)
        *(
            rf"(?:{verbs}) (?:the |a |my |this )?(?:payment |bank |transfer )?receipt"
            for verbs in (
                "have|kept|holding",
                "attached|attaching|uploaded",
                "sent you|send you|sending you",
                "showed you|show you|showing you",
            )
        ),
        r"receipts? (?:shows?|says|proves?)",
        r"closure letter|marked (?:as )?overdue|someone else'?s account|billed me",
        r"closed (?:that|the|my) account|not my signature|agreed a settlement",
        r"为什么还说我逾期|说好的(?:免息|利率|利息)|合同上不是|扣错|多算",
        # held up, not asked for: without its first word "还款凭证" is a request (no slips)
        _EXACT + r"(?:有|这是|附上|发给你|发你|给你看|拿着)了?(?:还款|转账|付款|银行)?的?"
        r"(?:收据|凭证|回单)",
        _EXACT + r"(?:收据|凭证|回单)(?:为证|在这|在此|上写|上面写|显示|证明)",
        r"paid (?:it )?on time|settled (?:this|it|the loan)|took too much"
        r"|still (?:showing|shows|says?) (?:overdue|unpaid|late)|says unpaid",
        r"i'?m late.{0,5}$|have the receipt|paid .{0,25}\bonly .{0,10}show",
        # paid back then or on the day ("我上周就还了", "还款日当天还的")
        _EXACT + r"(?:上周|上个?月|上礼拜|上星期|昨天|前天|早)就(?:已经)?还(?:了|清|完|过)",
        _EXACT + r"当天(?:就|上午|下午|晚上)?还(?:的|了|清)",
        r"(?:滞纳金|罚息|违约金|逾期费|手续费|服务费|保险费|late fee)\S{0,3}(?:不接受|不认)",
        r"still (?:flagged|marked|listed|showing)(?: as)? (?:overdue|unpaid|late|past due)",
        r"显示没(?:有)?还|越还越多",
    ),
    _signal(
        "dispute:wrong_amount",
        "dispute",
        r"金额不对|(?:数|账|金额|利息|罚息|费用|账目|账单)\S{0,3}(?:不对|错了|有误|算错|有问题)",
        r"(?:帐|账|记录)\S{0,3}(?:不对|错了)|没欠这么多|不认(?:这笔|账)|有异议|不认可|多出来|凭什么收|砍头息",
        # the rate itself, but not asking what it is or to lower it (hardship, balance)
        r"(?<![降低])利率(?!是多|多少|是几|怎么算)",
        r"怎么变成(?:了)?(?:[\d一二两三四五六七八九十百千万]|这么多)",
        r"(?:amount|fees|interest|balance|statement|numbers|figures|calculation|total)\b.{0,20}"
        + rf"(?:{_slip('wrong', but=('wring', 'prong'))}|\bincorrect\b|\berrors?\b|\boff by\b)",
        r"different amount|金额.{0,12}不一样",
        r"wrong amount|don'?t owe (?:that|this) much|\bdisput\w*|challenge (?:this|the) amount",
        r"not what i owe|makes no sense|records? (?:are|is) wrong|rate i agreed",
        # charged more than was borrowed or agreed, or for something never bought
        r"(?:金额|账|数|钱|息|费|额|合同|本金|还款|记录|算)\S{0,8}对不上|多收|加起来.{0,6}(?:不等于|不对|不一样)|不等于总额",
        _EXACT + r"说好(?:的)?(?:是)?(?:月息|年息|日息|免息|利率|利息|费率|手续费|服务费|金额)",
        r"never (?:bought|purchased|ordered|opted|signed up|asked for)|didn'?t (?:buy|order)",
        r"没(?:有)?(?:买|购买|勾选|开通)过?(?:什么|任何)?(?:保险|会员|服务)",
        r"not what (?:we|i|you) (?:agreed|signed|were told|was told)",
        r"(?:more|bigger|higher|larger|greater) th[ae]?n (?:what )?(?:i|we) (?:borrowed|signed)",
        r"\d\S* (?:more|less) than what (?:\S+ )?(?:ask|charg|claim|bill)\w*",
        r"(?:doesn'?t|don'?t|does not|do not) add up|not in (?:my|the) (?:agreement|contract)",
        r"(?:don'?t|do not|won'?t|will not|not) accept(?:ing)? (?:the|this|that|these|your) "
        r"(?:\S+ ){0,2}(?:fees?|charges?|penalty|penalties|interest|debt)",
        r"(?<!n't )(?<!nt )(?<!not )refuse to pay (?:that|this|these|the|your)\b",
        r"why (?:is|are) there (?:another|more|extra|a new)\b|多出(?:来|了)?(?:这么多|一笔|好多)",
        r"how (?:is|did|has) (?:it|that|this) (?:become |gone up to |got to |get to )?\d",
        r"(?:balance|amount|debt) (?:go|goes|went|gone) up after",
        r"(?:due date|due dates?) (?:is |was )?wrong|got my due date wrong",
        # terms changed behind the borrower's back
        r"without (?:tell|notif|inform|ask|warn)\w* (?:me|us)\b|without my (?:consent|permission)",
        r"\b(?:you|you'?ve|they|they'?ve) (?:changed|moved|raised) (?:my|the) "
        r"(?:due date|repayment date|interest rate|rate|terms)",
        r"没(?:有)?(?:通知|告诉|问过)我(?:就|的情况下)|未经(?:我的?)?(?:同意|允许|授权)",
    ),
    # --- a person, please ----------------------------------------------------------------------
    _signal(
        "request_human:agent",
        "request_human",
        r"(?:转|找|接|要|换|叫|跟|和)(?:个|一个)?(?:人工|真人|活人|工作人员|客服人员|专员|经理|主管|负责人|上级|领导|你们的人)",
        r"让(?:个|一个)?(?:人工|真人|活人|经理|主管|上级|领导)|找(?:个|一个)?人来|我要(?:找)?人(?:$|[,.!，。！])",
        r"(?:找|叫)你们(?:的)?|叫个.{0,6}人来|专员|客服人员|人来处理|只跟人|联系一个真人|换个人",
        r"人工服务|转接|(?<!是)(?<!是个)(?<!不)人工客服(?!吗|嘛|么|\?)|人工(?:呢|人工)|有没有人工|转(?:给)?(?:客服|同事)|接通客服",
        r"要human",
        r"(?:talk|speak|chat)\s*(?:to|2|with)\s*(?:a |an |some |your )?(?:real |live )?"
        r"(?:human|person|agent|representative|manager|supervisor)",
        r"(?:get|connect|transfer|put|pass) me (?:to |through to |with )?(?:a |an |your )?"
        r"(?:real |live )?(?:human|person|agent|representative|manager|supervisor)",
        r"human (?:please|pls|agent|help)|agent please|\brepresentative\b"
        r"|\boperator\b|customer service (?:please|pls)",
        r"(?:want|need|like) (?:a |to talk to a |to speak to a )?(?:real |live )?"
        r"(?:human|person|agent)\b",
        r"(?:speak|talk) (?:with|to) someone|hand me over|transfer me|escalate|staff member",
        r"^\s*(?:agent|human)\s*(?:[!.]|$)|^\s*human human|supervisor"
        r"|whoever handles|someone real|(?:with|to) a person\b",
        r"(?:get|connect|put|pass) me (?:to|through to|with) "
        r"(?:customer service|someone|your team)",
        r"换人|a person not a (?:bot|machine)|(?:put|get) a (?:real )?person on|"
        r"the person who called|specialist|collector handling",
        r"(?:之前|上次)(?:给我)?打(?:电话|过来)的(?:那个)?人",
        r"(?:get|pass me to|put me through to|find me) someone who (?:knows|can help)",
        r"专属(?:客|服(?!务)|经理|顾问)",  # "my dedicated agent" (also with 客 or 服 missing)
        # 人工 with 人 missing: 工 opening a clause or after a request verb, then a service word
        r"(?:^|[\s,，。.!！?？转找接要])工(?:客服|服务|在哪|呢|介入|处理)",
        # plain wordings, so one slip is tolerated ("I want your managee", "a live agwnt")
        r"i (?:want|need) (?:your|a|the) (?:manager|supervisor|boss)",
        r"i (?:want|need) a (?:live|real) (?:agent|human|person)",
        # the bot cannot help, stop the auto-replies: a person, please
        _EXACT + r"(?:你|机器人|机器)(?:回答|解决|处理|搞)不了",
        r"(?:别|不要)(?:再)?自动回复|stop (?:the |your )?auto[- ]?repl|派(?:个|一个)人|有没有真人",
        # plain wordings, so one slip is tolerated ("where's the humzn", "send a persn")
        r"where(?:'?s| is) (?:the|a) (?:human|person|real person)",
        r"send (?:me )?a (?:real )?(?:person|human)|i (?:want|need) a (?:person|human)",
        r"pass (?:this|it|me) (?:on )?to (?:one of )?your (?:staff|team|colleagues?)",
    ),
)


# English keywords also match when misspelt by one edit ("attorny", "funerl", "harrasment",
# "poice", "lwyer"): typos must not hide an escalation. A short keyword's one-edit neighbours
# that are words of their own ("policy", "layer") are listed in `_NOT_SLIPS` and
# never count as its slips; short keywords with too many such neighbours, or one edit from
# a slip of a common word ("sue", "scam", "deaf", "court"/"cours", "prison"/"prson") are left
# out, and only fuzzy inside a context (see `_slip`).
FUZZY_KEYWORDS: dict[str, str] = {
    "suicide": "self_harm:suicide",
    "suicidal": "self_harm:suicide",
    "funeral": "vulnerable:death",
    "deceased": "vulnerable:death",
    "bereavement": "vulnerable:death",
    "hospital": "vulnerable:hospital",
    "hospitalised": "vulnerable:hospital",
    "hospitalized": "vulnerable:hospital",
    "surgery": "vulnerable:hospital",
    "dialysis": "vulnerable:hospital",
    "chemotherapy": "vulnerable:hospital",
    "leukemia": "vulnerable:illness",
    "leukaemia": "vulnerable:illness",
    "depression": "vulnerable:illness",
    "depressed": "vulnerable:illness",
    "psychiatric": "vulnerable:illness",
    "attorney": "complaint_legal:lawyer",
    "solicitor": "complaint_legal:lawyer",
    "lawsuit": "complaint_legal:court",
    "regulator": "complaint_legal:regulator",
    "ombudsman": "complaint_legal:regulator",
    "complaint": "complaint_legal:complaint",
    "complaints": "complaint_legal:complaint",
    "harassment": "complaint_legal:harassment",
    "harassing": "complaint_legal:harassment",
    "harassed": "complaint_legal:harassment",
    "threatened": "complaint_legal:harassment",
    "threatening": "complaint_legal:harassment",
    "intimidation": "complaint_legal:harassment",
    "bankruptcy": "complaint_legal:bankruptcy",
    "insolvency": "complaint_legal:bankruptcy",
    "fraudulent": "dispute:fraud",
    "fraud": "dispute:fraud",
    "dispute": "dispute:wrong_amount",
    "police": "complaint_legal:police",
    "lawyer": "complaint_legal:lawyer",
    "stroke": "vulnerable:illness",
    "illness": "vulnerable:illness",
}
# Real words one edit from a keyword above: they mean what they say ("my income decreased"
# is no death, "I am compliant" no complaint).
_NOT_SLIPS = frozenset(
    {
        "decreased",  # deceased
        "windowed",  # widowed
        "compliant",  # complaint
        "repressed",  # depressed
        "repression",  # depression
        "slickness",  # sickness
        "strove",  # stroke
        "primacy",  # privacy
        "prefatory",  # predatory
        "freud",
        "frau",
        "fraid",  # "(a)fraid"
        "policy",
        "polic",  # "polic(y)"
        "polite",
        "layer",
        "sawyer",
        "strike",
        "stoke",
        "strode",
        "strobe",
    }
)
_WORD = re.compile(r"[a-z]{4,}")

# Beyond the lists above and below, every plain wording the lexicon's patterns stand for
# (see `bot.nlu.wordings`) tolerates one slip too, under stricter rules since nobody picked
# it: English words of ≥ 7 letters and phrases of ≥ 9 characters (one edit), Chinese wordings
# of ≥ 5 characters (one character missing, never the first or last, never a negation).
# Reviewed exceptions, whose one-slip neighbours are ordinary messages:
_NOT_DERIVED = frozenset(
    {
        "disabled",  # "disable notifications"
        "settled it",  # "I'll settle it friday"
        "cut myself",  # "put myself"
        "cut my self",
        "id stolen",  # "is stolen"
        "我要找人",  # "我找人帮我还"
        "transfer me",  # "transfer my payment"
        "to a person",  # "are yo(u) a person"
    }
)
_DERIVED_WORD = re.compile(r"[a-z]{7,}")
_DERIVED_PHRASE_CHARS = 9
_DERIVED_CJK_CHARS = 5
_NEGATIONS = frozenset("不没未无别非莫勿")


def _derived_wordings(lexicon: Sequence[Signal]) -> dict[str, str]:
    """Each plain wording of the lexicon (not already listed by hand) → its signal name."""
    derived: dict[str, str] = {}
    for signal in lexicon:
        for wording in wordings(signal.pattern.pattern):
            if wording not in _NOT_DERIVED and _long_enough(wording):
                derived.setdefault(wording, signal.name)
    return derived


def _long_enough(wording: str) -> bool:
    cjk = len(_CJK_CHAR.findall(wording))
    if cjk:
        return cjk >= _DERIVED_CJK_CHARS
    if " " in wording.strip():
        return len(wording) >= _DERIVED_PHRASE_CHARS
    return _DERIVED_WORD.fullmatch(wording) is not None


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    # Up to the first difference the two agree; the one edit must be there, so the rest
    # must agree after it (compared as slices, without building every deletion).
    first = 0
    while first < len(a) and first < len(b) and a[first] == b[first]:
        first += 1
    if len(a) > len(b):
        return a[first + 1 :] == b[first:]
    if len(a) < len(b):
        return a[first:] == b[first + 1 :]
    return a[first + 1 :] == b[first + 1 :] or (
        a[first + 1 : first + 2] == b[first : first + 1]
        and a[first : first + 1] == b[first + 1 : first + 2]
        and a[first + 2 :] == b[first + 2 :]
    )


def _fuzzy_index(keywords: Mapping[str, str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for keyword in keywords:
        for key in {keyword, *_deletions(keyword)}:
            index.setdefault(key, []).append(keyword)
    return index


def _fuzzy_names(folded: str) -> set[str]:
    names: set[str] = set()
    for token in _WORD.findall(folded):
        if token in _KEYWORDS:
            names.add(_KEYWORDS[token])
            continue
        if token in _NOT_SLIPS:
            continue
        for key in {token, *_deletions(token)}:
            for keyword in _FUZZY_INDEX.get(key, ()):
                if _within_one_edit(token, keyword):
                    names.add(_KEYWORDS[keyword])
    return names


# Multi-word English phrases and Chinese keywords that also match with one slip: one edit
# anywhere in an English phrase ("i want ti die", "not te borrower"), one character missing
# from a Chinese keyword ("我经写好遗书" for 已经写好遗书 is not covered, but "活不去" for
# 活不下去 is). Every entry is specific enough that its one-slip neighbours still mean the
# same; two-character Chinese words ("自杀", "律师") are left out, a slip there is ambiguous.
FUZZY_PHRASES: dict[str, str] = {
    # self-harm
    "want to die": "self_harm:no_will_to_live",
    "wanna die": "self_harm:no_will_to_live",
    "better off dead": "self_harm:no_will_to_live",
    "no point in living": "self_harm:no_will_to_live",
    "end my life": "self_harm:no_will_to_live",
    "end it all": "self_harm:no_will_to_live",
    "kill myself": "self_harm:suicide",
    "take my own life": "self_harm:suicide",
    "不想活": "self_harm:no_will_to_live",
    "活不下去": "self_harm:no_will_to_live",
    "活着没意思": "self_harm:no_will_to_live",
    "结束这一切": "self_harm:no_will_to_live",
    "结束生命": "self_harm:no_will_to_live",
    "一了百了": "self_harm:suicide",
    "一死了之": "self_harm:suicide",
    "喝农药": "self_harm:suicide",
    "吃安眠药": "self_harm:suicide",
    "写好遗书": "self_harm:suicide",
    "跳下去": "self_harm:suicide",
    # vulnerable
    "passed away": "vulnerable:death",
    "domestic violence": "vulnerable:abuse",
    "mental health": "vulnerable:illness",
    "panic attack": "vulnerable:illness",
    "办后事": "vulnerable:death",
    "处理后事": "vulnerable:death",
    "重症监护": "vulnerable:hospital",
    "做手术": "vulnerable:hospital",
    "动手术": "vulnerable:hospital",
    "白血病": "vulnerable:illness",
    "尿毒症": "vulnerable:illness",
    "精神疾病": "vulnerable:illness",
    "心理医生": "vulnerable:illness",
    "撑不下去": "vulnerable:illness",
    "孤寡老人": "vulnerable:illness",
    "家庭暴力": "vulnerable:abuse",
    # complaints and legal
    "see you in court": "complaint_legal:court",
    "legal action": "complaint_legal:lawyer",
    "法律援助": "complaint_legal:lawyer",
    "派出所": "complaint_legal:police",
    "银保监": "complaint_legal:regulator",
    "金融监管": "complaint_legal:regulator",
    "监管部门": "complaint_legal:regulator",
    "消费者协会": "complaint_legal:regulator",
    "暴力催收": "complaint_legal:harassment",
    "爆通讯录": "complaint_legal:harassment",
    "高利贷": "complaint_legal:harassment",
    "走破产": "complaint_legal:bankruptcy",
    # disputes
    "not my loan": "dispute:not_my_loan",
    "not my debt": "dispute:not_my_loan",
    "not the borrower": "dispute:not_my_loan",
    "never borrowed": "dispute:not_my_loan",
    "don't owe that much": "dispute:wrong_amount",
    "not what i owe": "dispute:wrong_amount",
    "identity theft": "dispute:identity_theft",
    "not my signature": "dispute:already_paid",
    "already paid": "dispute:already_paid",
    "hasn't been posted": "dispute:already_paid",
    "closure letter": "dispute:already_paid",
    "不是我借": "dispute:not_my_loan",
    "不是借款人": "dispute:not_my_loan",
    "借款人不是我": "dispute:not_my_loan",
    "从来没借": "dispute:not_my_loan",
    "不欠你们": "dispute:not_my_loan",
    "找错人了": "dispute:not_my_loan",
    "已经还清": "dispute:already_paid",
    "已经结清": "dispute:already_paid",
    "结清证明": "dispute:already_paid",
    "明明还了": "dispute:already_paid",
    "重复扣款": "dispute:already_paid",
    "扣了两次": "dispute:already_paid",
    "合同上不是": "dispute:already_paid",
    "金额不对": "dispute:wrong_amount",
    "没欠这么多": "dispute:wrong_amount",
    "砍头息": "dispute:wrong_amount",
    "冒用我的": "dispute:identity_theft",
    # a person, please
    "talk to a human": "request_human:agent",
    "speak to a human": "request_human:agent",
    "talk to a person": "request_human:agent",
    "speak to a person": "request_human:agent",
    "a real person on": "request_human:agent",
    "person not a bot": "request_human:agent",
    "找个真人": "request_human:agent",
    "我要找人工": "request_human:agent",
}
# One-slip neighbours of a keyword that read as something ordinary, so they never match.
_AMBIGUOUS_SLIPS = frozenset(
    {
        # a common word on its own
        "不是我",
        "是我借",
        "不是借",
        "从来没",
        "欠你们",
        "用我的",
        "已经还",
        "已经结",
        "办事",
        "处理事",
        "处理后",
        "不下去",
        "通讯录",
        "了两次",
        "找个人",
        "找人了",
        "个真人",
        "喝药",
        "安眠药",
        "跳去",
        "写好书",
        "欠这么多",
        "没这么多",
        # the opposite meaning once the negation is gone
        "金额对",
        "活下去",
        "撑下去",
        "是借款人",
        "合同上是",
        "我紧急联系人",  # "别联系我(的)紧急联系人"
        "我要找工",  # "我要找工作"
    }
)
# Every English phrase has ≥ 9 characters, so one edit leaves its first or its last four intact.
_ANCHOR = 4


def _chinese_slips(keyword: str) -> set[str]:
    """`keyword` with one character missing: ≥ 3 characters left, or a 3-character keyword
    without its middle one ("不想活" → "不活")."""
    slips = {
        keyword[:i] + keyword[i + 1 :]
        for i in range(len(keyword))
        if len(keyword) >= 4 or (len(keyword) == 3 and i == 1)
    }
    return slips - _AMBIGUOUS_SLIPS


def _interior_slips(wording: str) -> set[str]:
    """A derived Chinese wording with one inner character missing (not a negation)."""
    slips = {
        wording[:i] + wording[i + 1 :]
        for i in range(1, len(wording) - 1)
        if _CJK_CHAR.match(wording[i]) and wording[i] not in _NEGATIONS
    }
    return slips - _AMBIGUOUS_SLIPS


@dataclass(frozen=True)
class _PhraseTables:
    """Chinese slips (one regex over all of them) and English phrases indexed by anchor."""

    chinese: dict[str, str]
    pattern: re.Pattern[str]
    english: dict[str, str]
    anchors: dict[str, list[str]]


def _phrase_tables(derived: Mapping[str, str]) -> _PhraseTables:
    slips: dict[str, str] = {}
    english: dict[str, str] = {}
    for phrase, name in FUZZY_PHRASES.items():
        if _CJK_CHAR.search(phrase):
            for slip in {phrase, *_chinese_slips(phrase)}:
                slips.setdefault(slip, name)
        else:
            english[phrase] = name
    for wording, name in derived.items():
        if _CJK_CHAR.search(wording):
            for slip in _interior_slips(wording):
                slips.setdefault(slip, name)
        elif " " in wording.strip():
            english.setdefault(wording, name)
    anchors: dict[str, list[str]] = {}
    for phrase in english:
        if len(phrase) < 2 * _ANCHOR + 1:
            raise ValueError(f"fuzzy phrase {phrase!r} is too short for its anchors")
        anchors.setdefault(phrase[:_ANCHOR], []).append(phrase)
        anchors.setdefault(phrase[-_ANCHOR:], []).append(phrase)
    ordered = sorted(slips, key=len, reverse=True)
    return _PhraseTables(slips, re.compile("|".join(map(re.escape, ordered))), english, anchors)


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_DERIVED = _derived_wordings(LEXICON)
_KEYWORDS = {
    **{w: n for w, n in _DERIVED.items() if _DERIVED_WORD.fullmatch(w)},
    **FUZZY_KEYWORDS,
}
_FUZZY_INDEX = _fuzzy_index(_KEYWORDS)
_TABLES = _phrase_tables(_DERIVED)


def _phrase_names(folded: str, known: AbstractSet[str] = frozenset()) -> set[str]:
    """Signals of the fuzzy phrases in `folded` (a single edit allowed in each), with the
    `known` ones, whose phrases are not compared.

    Chinese: a regex over the keywords and their one-missing-character forms. English: one
    edit leaves either the first or the last four characters of a phrase intact, so only
    windows next to such an anchor are compared (a few per message, not every window)."""
    names = {_TABLES.chinese[m.group(0)] for m in _TABLES.pattern.finditer(folded)} | known
    found: set[str] = set()
    for i in range(len(folded) - _ANCHOR + 1):
        phrases = _TABLES.anchors.get(folded[i : i + _ANCHOR])
        if not phrases:
            continue
        # A phrase's first four characters open a word here, or its last four end one.
        opens = i == 0 or not folded[i - 1].isalpha()
        end = i + _ANCHOR
        closes = end == len(folded) or not folded[end].isalpha()
        for phrase in phrases:
            if phrase in found or _TABLES.english[phrase] in names:
                continue  # this phrase, or another with its signal, is found already
            # One edit leaves the phrase's first half, or all of its second half but the
            # first character, intact; from the anchor on that side, so compare only then.
            size = len(phrase)
            half = size // 2
            lengths = (size, size - 1, size + 1)
            if (
                opens
                and folded.startswith(phrase[:half], i)
                and any(_matches_at(folded, i, length, phrase) for length in lengths)
            ) or (
                closes
                and folded.endswith(phrase[half + 1 :], 0, end)
                and any(_matches_at(folded, end - length, length, phrase) for length in lengths)
            ):
                found.add(phrase)
                names.add(_TABLES.english[phrase])
    return names


def _matches_at(folded: str, start: int, length: int, phrase: str) -> bool:
    """A whole-word window within one edit of `phrase`; an extra character only inside it
    ("want to diet" is not "want to die")."""
    end = start + length
    if start < 0 or end > len(folded):
        return False
    window = folded[start:end]
    if length > len(phrase) and (window[0] != phrase[0] or window[-1] != phrase[-1]):
        return False
    if (start > 0 and folded[start - 1].isalpha()) or (end < len(folded) and folded[end].isalpha()):
        return False
    return _within_one_edit(window, phrase)


# A message that is nothing but "agent" or "human" (perhaps with "now", "please") also asks for
# a person when misspelt by one edit ("agrnt!!!", "humn, now"); no ordinary one-word message
# is one edit from either, but inside a sentence the short words stay exact.
_SHORT_REQUESTS: dict[str, str] = {"agent": "request_human:agent", "human": "request_human:agent"}
_FILLERS = frozenset({"a", "an", "real", "now", "please", "pls", "plz"})
_LETTERS = re.compile(r"[a-z]+")
_NOT_LETTERS = re.compile(r"[\u4e00-\u9fff0-9]")


def _short_request_names(folded: str) -> set[str]:
    """The signal of a one-word request for a person, typed with one slip."""
    words = [w for w in _LETTERS.findall(folded) if w not in _FILLERS]
    if len(words) != 1 or _NOT_LETTERS.search(folded):
        return set()
    return {name for word, name in _SHORT_REQUESTS.items() if _within_one_edit(words[0], word)}


def find_signals(text: str, lexicon: Sequence[Signal] = LEXICON) -> list[Signal]:
    """The lexicon entries that fire on `text` (exactly, or by a misspelt keyword or phrase)."""
    folded = fold(text)
    kinds = kinds_in(folded)
    found = {s.name for s in lexicon if s.fires(folded, kinds)}
    # The fuzzy search compares no phrase of a signal found as written.
    found |= _fuzzy_names(folded) | _phrase_names(folded, found) | _short_request_names(folded)
    return [s for s in lexicon if s.name in found]


def raise_intent(
    intent: str, scores: Mapping[str, float], signals: Sequence[Signal]
) -> tuple[str, bool]:
    """The intent after the safety net and whether it was raised.

    An escalating intent is kept. Otherwise, if signals fired, the message goes to the
    escalating intent they point at (the classifier's likeliest among them; self-harm first).
    """
    if intent in ESCALATING_INTENTS or not signals:
        return intent, False
    if any(s.name.startswith(SELF_HARM) for s in signals):
        return "vulnerable", True
    candidates = {s.intent for s in signals}
    best = max(candidates, key=lambda name: scores.get(name, 0.0))
    return best, True
