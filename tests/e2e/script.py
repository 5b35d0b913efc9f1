"""The conversation the end-to-end tests hold, and exactly what the borrower reads back.

The balance's as-of time and next due date move with the calendar; `chat.timeless` blanks them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Borrower:
    phone: str  # as Telegram's contact button sends it
    id_last4: str
    balance_question: str
    pay_button: str  # label of the "how to pay" button under the balance
    welcome: list[str]
    ask_id: list[str]
    verified: list[str]
    balance: list[str]
    channels: list[str]


D1001_ZH = Borrower(
    phone="8613800138000",
    id_last4="4321",
    balance_question="我还欠多少钱",
    pay_button="还款方式",
    welcome=[
        "您好，欢迎！我是示例消费金融的自动还款助手。我可以为您查询欠款、说明还款方式，"
        "如果您暂时还款有困难，也可以帮您了解解决方案。需要时随时可以转人工客服。",
        "为保护您的账户安全，需要先核实您的身份。请点击下方按钮，分享本Telegram账号的手机号。",
    ],
    ask_id=["谢谢。请输入您身份证件号码的后4位（例如 1234 或 123X）。"],
    verified=["谢谢您，身份验证成功。", "请问您需要办理什么？"],
    balance=[
        "借款 L-1001\n"
        "当前逾期应还：¥2,240.00\n"
        "  • 当期本金：¥2,000.00\n"
        "  • 利息：¥180.00\n"
        "  • 逾期费用：¥60.00\n"
        "逾期天数：12 天\n"
        "剩余本金：¥24,000.00\n"
        "下一还款日：…\n"
        "以上数据截至 …\n\n"
        "本期还款已逾期，请您尽快归还逾期金额。如有困难，请告诉我，我们一起看看有什么办法。\n\n"
        "点“还款方式”查看如何还款；如无法全额还款，也可以申请还款方案。"
    ],
    channels=[
        "您可以通过以下任一方式还款：\n\n"
        "▶ 网上银行转账\n"
        "1. 登录您的网上银行，选择“转账汇款”。\n"
        "2. 收款户名、开户行和账号填写下方的收款信息。\n"
        "3. 在“附言/备注”栏填写您的还款参考号（必填，否则无法自动入账）。\n"
        "4. 核对金额后提交，并保留转账回单。\n"
        "截止时间：17:00 —— 工作日17:00前转账当天入账，之后或节假日顺延至下一个工作日。\n\n"
        "▶ 手机App还款\n"
        "1. 打开“示例金融”App并登录。\n"
        "2. 进入“我的借款”，选择对应的借款。\n"
        "3. 点击“立即还款”，输入金额，用绑定的银行卡支付。\n"
        "4. App会自动关联您的还款参考号，无需手动填写。\n"
        "截止时间：22:00 —— 通常几分钟内入账；22:00后支付的次日入账。\n\n"
        "▶ 银行柜台\n"
        "1. 携带本人身份证到任一工商银行网点。\n"
        "2. 办理转账或现金存入至下方收款账户。\n"
        "3. 告知柜员在备注中填写您的还款参考号。\n"
        "4. 保留回单，如有需要可发给我们核对。\n"
        "截止时间：16:00 —— 1个工作日内入账。\n\n"
        "营业时间：周一至周五 9:00–17:00，周六 9:00–12:00（法定节假日除外）\n\n"
        "收款账户\n"
        "户名：示例消费金融有限公司\n"
        "开户行：中国工商银行 上海分行\n"
        "账号：6222 0000 1234 5678 901\n\n"
        "借款 L-1001 的还款参考号：RP-L1001-7731 —— 还款时请务必填写，以便款项准确入账。"
    ],
)

D1002_EN = Borrower(
    phone="+8613900001002",
    id_last4="5566",
    balance_question="how much do I owe",
    pay_button="How to pay",
    welcome=[
        "Hello, and welcome. I am the automated repayment assistant of Example Consumer Finance. "
        "I can show what you owe, explain how to pay, and help if you are having difficulty "
        "paying. A person from our team is available whenever you need one.",
        "To protect your account, I first need to confirm who you are. Please tap the button "
        "below to share the phone number of this Telegram account.",
    ],
    ask_id=[
        "Thank you. Please type the last 4 characters of your ID document "
        "(for example 1234 or 123X)."
    ],
    verified=["Thank you, you are verified.", "What would you like to do?"],
    balance=[
        "Loan L-1002\n"
        "Overdue now: ¥5,400.00\n"
        "  • Instalment principal: ¥5,000.00\n"
        "  • Interest: ¥300.00\n"
        "  • Late fees: ¥100.00\n"
        "Days past due: 45\n"
        "Outstanding principal: ¥30,000.00\n"
        "Next due date: …\n"
        "Figures as of …\n\n"
        "For your information: overdue payments are reported to the credit reference system "
        "and late fees continue to apply under your loan contract until the overdue amount is "
        "paid. If you cannot pay in full, a repayment plan or a call with our team may help.\n\n"
        'You can see how to pay with "How to pay", or ask for a plan if you cannot pay in full.'
    ],
    channels=[
        "You can repay in any of these ways:\n\n"
        "▶ Online banking transfer\n"
        '1. Log in to your online banking and choose "Transfer".\n'
        "2. Enter the payee name, bank and account number shown below.\n"
        "3. Put your repayment reference in the remarks field (required, otherwise the payment "
        "cannot be matched).\n"
        "4. Check the amount, submit, and keep the receipt.\n"
        "Cut-off time: 17:00 — Transfers made before 17:00 on a working day post the same day; "
        "later ones post the next working day.\n\n"
        "▶ Mobile app\n"
        "1. Open the Example Finance app and log in.\n"
        '2. Go to "My loans" and choose the loan.\n'
        '3. Tap "Repay now", enter the amount and pay with your linked bank card.\n'
        "4. The app attaches your repayment reference automatically.\n"
        "Cut-off time: 22:00 — Usually shows within minutes; payments after 22:00 post the "
        "next day.\n\n"
        "▶ Bank counter\n"
        "1. Bring your ID card to any ICBC branch.\n"
        "2. Transfer or deposit cash to the payee account below.\n"
        "3. Ask the teller to put your repayment reference in the remarks.\n"
        "4. Keep the receipt; you can send it to us if anything needs checking.\n"
        "Cut-off time: 16:00 — Posts within 1 working day.\n\n"
        "Opening hours: Mon–Fri 09:00–17:00, Sat 09:00–12:00 (closed on public holidays)\n\n"
        "Payee account\n"
        "Name: Example Consumer Finance Co.\n"
        "Bank: ICBC Shanghai Branch\n"
        "Account number: 6222 0000 1234 5678 901\n\n"
        "Your repayment reference for loan L-1002: RP-L1002-4408 — please always include it "
        "so your payment is matched to your loan."
    ],
)


def whole_conversation(borrower: Borrower) -> list[str]:
    """Everything the borrower reads, in order, when every update is answered exactly once."""
    b = borrower
    return [*b.welcome, *b.ask_id, *b.verified, *b.balance, *b.channels]
