from tests.bot.conftest import D1001
from tests.harness import ChatDriver, joined


async def test_d1001_verifies_and_sees_balance(chat: ChatDriver) -> None:
    replies = await chat.send("/start")
    print(replies)
    replies = await chat.share_contact(D1001[0])
    print(replies)
    replies = await chat.send(D1001[1])
    print(replies)
    replies = await chat.send("我还欠多少钱")
    print(joined(replies))
    assert "¥2,240.00" in joined(replies)
